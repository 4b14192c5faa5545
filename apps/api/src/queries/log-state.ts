import { IntegrityService } from '@sunshine/application';
import type { LogStateReader } from '@sunshine/reports';

/** A report's provenance stamp from the integrity service's tree and its latest signed checkpoint. */
export const integrityLogState = (integrity: Pick<IntegrityService, 'treeHeadAt' | 'latest'>): LogStateReader => ({
  logState: async (position) => {
    const head = await integrity.treeHeadAt(position);
    const latest = integrity.latest();
    return {
      ...head,
      checkpoint: latest
        ? { treeSize: latest.treeSize, rootHex: latest.rootHex, note: latest.note, signedAt: latest.signedAt }
        : null,
    };
  },
});
