import { contextOfStream, RecordKind } from '@sunshine/domain';
import { debtKey, entryKey, termKey } from '@sunshine/projections';

/**
 * The key of a record: what `GET /api/v1/records/{key}` takes and a list hands out. A record that
 * is a stream of its own is keyed by its stream (`investment-ZS-2009-014`); the records kept
 * inside another stream add their id to it (`village-dongcun/entry/SR-7`, `audit-SJ-3/finding/F1`);
 * a term is `term/<termId>`.
 */
export interface RecordAddress {
  kind: RecordKind;
  key: string;
  /** The event stream the record's events are in. */
  stream: string;
  /** The document of the records projection that holds it (a finding: its audit's). */
  docKey: string;
  /** A finding's id inside its audit. */
  findingId?: string;
}

export const findingKey = (auditStream: string, findingId: string): string => `${auditStream}/finding/${findingId}`;

const STREAM_KINDS: Record<string, RecordKind> = {
  investment: 'investment',
  project: 'project',
  dispute: 'dispute',
  audit: 'audit',
  indicator: 'indicator',
  village: 'village',
};

/** What a key names, or undefined when it names no record kind. */
export const addressOf = (key: string): RecordAddress | undefined => {
  if (key.startsWith('term/')) return { kind: 'term', key, stream: 'terms', docKey: termKey(key.slice(5)) };
  const [stream, sub, id, ...rest] = key.split('/');
  if (rest.length > 0) return undefined;
  const context = contextOfStream(stream);
  const kind = context ? STREAM_KINDS[context.category] : undefined;
  if (!kind || stream === context?.category) return undefined;
  if (sub === undefined) return { kind, key, stream, docKey: stream };
  if (!id) return undefined;
  const villageId = stream.slice('village-'.length);
  if (kind === 'village' && sub === 'entry') return { kind: 'entry', key, stream, docKey: entryKey(villageId, id) };
  if (kind === 'village' && sub === 'debt') return { kind: 'debt', key, stream, docKey: debtKey(villageId, id) };
  if (kind === 'audit' && sub === 'finding') return { kind: 'finding', key, stream, docKey: stream, findingId: id };
  return undefined;
};
