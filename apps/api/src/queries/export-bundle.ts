import { IntegrityService, verifiablePages } from '@sunshine/application';
import { EventStore } from '@sunshine/event-store';
import { writeBundle } from '@sunshine/integrity';

/** What an export wrote: the events and the checkpoint that covers them all. */
export interface ExportedBundle {
  events: number;
  checkpoint: { treeSize: number; rootHex: string; note: string };
}

/**
 * Seals a fresh checkpoint of the whole log, then writes the log up to it with every checkpoint
 * to a bundle file (`sunshine export`, locally or through the server). Undefined for an empty log.
 */
export const exportBundle = async (
  events: EventStore,
  integrity: IntegrityService,
  path: string,
  options: { exportedAt: Date; onProgress?: (written: number, total: number) => void },
): Promise<ExportedBundle | undefined> => {
  const sealed = await integrity.seal();
  if (!sealed) return undefined;
  const total = sealed.treeSize;
  let written = 0;
  async function* upToTheSeal() {
    for await (const page of verifiablePages(events)) {
      for (const event of page) {
        if (written === total) return;
        written++;
        yield event;
      }
      options.onProgress?.(written, total);
    }
  }
  await writeBundle(
    path,
    upToTheSeal(),
    integrity.checkpointsUpTo(sealed.treeSize).map((c) => c.note),
    { origin: integrity.origin, exportedAt: options.exportedAt.toISOString(), events: sealed.treeSize },
  );
  return {
    events: sealed.treeSize,
    checkpoint: { treeSize: sealed.treeSize, rootHex: sealed.rootHex, note: sealed.note },
  };
};
