/**
 * The offline export bundle: one UTF-8 NDJSON file an auditor verifies with the public key
 * alone (`sunshine verify <bundle> --public-key <file>`).
 *
 * ## Format (version 1)
 *
 * One JSON value per line, lines ending in `\n`, in this order:
 *
 * 1. The header:
 *    `{"format":"sunshine-ledger-bundle","version":1,"origin":"sunshine-ledger/示范镇","exportedAt":"2025-06-30T08:00:00.000Z","events":N,"checkpoints":K}`
 *    `origin` is the log's checkpoint origin, `events` and `checkpoints` count the lines that
 *    follow. The header is not signed: it only says how to read the rest.
 * 2. K checkpoint lines, `{"checkpoint":"<note>"}`: C2SP tlog-checkpoint notes signed with
 *    the log's Ed25519 key (see checkpoint.ts), in any order. They come before the events so
 *    that a verifier checks each one as it reaches its size, in a single pass.
 * 3. N event lines, in log order (line K + 2 + i holds the event with leaf index i):
 *    `{"position":"<store position>","hash":"<64 hex>","event":<canonical body>}`
 *    where the canonical body is the RFC 8785 JSON of `{eventId, stream, revision, type,
 *    data, metadata}` with `metadata.prevHash` but without `metadata.hash`: byte for byte
 *    what the event's SHA-256 `hash` covers. The keys appear in exactly this order, so the
 *    verifier hashes the body's bytes straight from the line instead of re-canonicalising.
 *    `position` is the exporting store's locator, for people; it is not covered by any hash
 *    (the leaf index is what checkpoints sign).
 *
 * Nothing follows the last event line. A bundle is usually exported up to the latest signed
 * checkpoint, so that every event in it is covered by a signature.
 *
 * ## Verifying
 *
 * Every body is hashed and compared with its `hash`; each stream's chain is followed from
 * revision 0 and 64 zeros; the RFC 6962 tree over the hashes is rebuilt and each checkpoint's
 * signature and root checked; optionally a checkpoint kept from an earlier export (`since`)
 * must be a prefix of this log. The first failure in log order is reported with its line.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { KeyObject } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { canonicalBody } from './event-hash';
import { hashedBodyOf, LogFailure, LogFailureReason, LogReport, LogVerifier, VerifiableEvent } from './log-verifier';

export const BUNDLE_FORMAT = 'sunshine-ledger-bundle';
export const BUNDLE_VERSION = 1;

export interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  origin: string;
  exportedAt: string;
  events: number;
  checkpoints: number;
}

export type BundleFailureReason = LogFailureReason | 'bundle-malformed';

export interface BundleFailure extends Omit<LogFailure, 'reason'> {
  reason: BundleFailureReason;
  /** The 1-based line of the bundle where the failure shows, when one can be named. */
  line: number | null;
}

export type BundleReport =
  | (Extract<LogReport, { ok: true }> & { header: BundleHeader })
  | { ok: false; events: number; firstFailure: BundleFailure; header: BundleHeader | null };

export interface VerifyBundleOptions {
  /** A checkpoint note the auditor verified before: the bundle's log must extend it. */
  since?: string;
  /** Only signatures under this key name count (default: any name matching the key). */
  keyName?: string;
  /** Also prove every body is in canonical form (re-canonicalises each event: slower). */
  strict?: boolean;
}

/** Called as verification advances: events checked so far, and the count the header announces. */
export type BundleProgress = (eventsChecked: number, eventsTotal: number) => void;

const PROGRESS_EVERY = 4096;

const eventLine = (event: VerifiableEvent): string => {
  const body = event.canonical ?? canonicalBody(hashedBodyOf(event));
  return `{"position":${JSON.stringify(event.position)},"hash":${JSON.stringify(event.metadata.hash)},"event":${body}}\n`;
};

/**
 * Writes a bundle, streaming: events are read one at a time and never held together. The
 * file appears under `path` only once complete (it is written beside it, then renamed).
 * Throws, leaving nothing behind, when `events` does not yield exactly `header.events` events.
 */
export const writeBundle = async (
  path: string,
  events: AsyncIterable<VerifiableEvent> | Iterable<VerifiableEvent>,
  checkpoints: readonly string[],
  header: { origin: string; exportedAt: string; events: number },
): Promise<{ events: number }> => {
  let written = 0;
  async function* text(): AsyncGenerator<string> {
    const { origin, exportedAt } = header;
    const full: BundleHeader = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, origin, exportedAt, events: header.events, checkpoints: checkpoints.length };
    let chunk = `${JSON.stringify(full)}\n`;
    for (const note of checkpoints) chunk += `${JSON.stringify({ checkpoint: note })}\n`;
    for await (const event of events) {
      if (written === header.events) throw new Error(`the log yielded more than the ${header.events} events the header announces`);
      chunk += eventLine(event);
      written++;
      // Lines go out in chunks of about 64 kB: fewer writes, and memory stays flat.
      if (chunk.length >= 65536) {
        yield chunk;
        chunk = '';
      }
    }
    if (written !== header.events) throw new Error(`the log yielded ${written} events, the header announces ${header.events}`);
    yield chunk;
  }
  const partial = `${path}.partial`;
  try {
    // pipeline carries backpressure and the first error of either side.
    await pipeline(Readable.from(text()), createWriteStream(partial, { encoding: 'utf8', mode: 0o644 }));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { events: written };
};

/** Reads one event line; the body's exact bytes are kept so that they are hashed as stored. */
const parseEventLine = (line: string): VerifiableEvent | string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return 'the line is not JSON';
  }
  const { position, hash, event, ...rest } = (parsed ?? {}) as { position?: unknown; hash?: unknown; event?: unknown };
  if (typeof position !== 'string' || typeof hash !== 'string' || typeof event !== 'object' || event === null || Object.keys(rest).length > 0)
    return 'an event line holds exactly position, hash and event';
  // The layout is fixed, so the body is everything between this prefix and the final brace.
  const prefix = `{"position":${JSON.stringify(position)},"hash":${JSON.stringify(hash)},"event":`;
  if (!line.startsWith(prefix) || !line.endsWith('}')) return 'the line is not laid out as the bundle format prescribes';
  const body = event as Omit<VerifiableEvent, 'metadata'> & { metadata: unknown };
  if (typeof body.metadata !== 'object' || body.metadata === null || Array.isArray(body.metadata)) return 'the event has no metadata';
  if ('hash' in body.metadata) return 'the event body must not hold its own hash';
  // The verifier checks prevHash and the rest; here only the hash is put back where it belongs.
  const metadata = { ...(body.metadata as VerifiableEvent['metadata']), hash };
  return { ...body, position, metadata, canonical: line.slice(prefix.length, -1) };
};

const parseCheckpointLine = (line: string): string | undefined => {
  try {
    const { checkpoint, ...rest } = JSON.parse(line) as { checkpoint?: unknown };
    return typeof checkpoint === 'string' && Object.keys(rest).length === 0 ? checkpoint : undefined;
  } catch {
    return undefined;
  }
};

const parseHeader = (line: string): BundleHeader | string => {
  let header: Partial<BundleHeader>;
  try {
    header = JSON.parse(line) as Partial<BundleHeader>;
  } catch {
    return 'the first line is not a JSON header';
  }
  if (header?.format !== BUNDLE_FORMAT) return `this is not a ${BUNDLE_FORMAT} file`;
  if (header.version !== BUNDLE_VERSION) return `bundle version ${String(header.version)} is not supported (expected ${BUNDLE_VERSION})`;
  if (typeof header.origin !== 'string' || typeof header.exportedAt !== 'string') return 'the header lacks origin or exportedAt';
  for (const count of [header.events, header.checkpoints])
    if (!Number.isSafeInteger(count) || (count as number) < 0) return 'the header counts of events and checkpoints must be whole numbers';
  return header as BundleHeader;
};

type BundleLine = { line: number } & (
  | { header: BundleHeader }
  | { checkpoint: string }
  | { event: VerifiableEvent }
  | { malformed: string; index: number | null }
);

/** The bundle's lines, parsed and checked against the layout; stops at the first malformed one. */
async function* readBundleLines(path: string): AsyncGenerator<BundleLine> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: BundleHeader | undefined;
  let line = 0;
  let checkpoints = 0;
  let events = 0;
  try {
    for await (const text of lines) {
      line++;
      if (!header) {
        const parsed = parseHeader(text);
        if (typeof parsed === 'string') return yield { line, malformed: parsed, index: null };
        yield { line, header: (header = parsed) };
      } else if (checkpoints < header.checkpoints) {
        const checkpoint = parseCheckpointLine(text);
        if (checkpoint === undefined) return yield { line, malformed: 'expected a checkpoint line: {"checkpoint":"<note>"}', index: null };
        checkpoints++;
        yield { line, checkpoint };
      } else if (events < header.events) {
        const event = parseEventLine(text);
        if (typeof event === 'string') return yield { line, malformed: event, index: events };
        events++;
        yield { line, event };
      } else {
        return yield { line, malformed: `lines follow the ${header.events} events the header announces`, index: null };
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (!header) yield { line, malformed: 'the bundle is empty', index: null };
  else if (checkpoints < header.checkpoints) yield { line, malformed: `the header announces ${header.checkpoints} checkpoints, the bundle holds ${checkpoints}`, index: null };
}

/**
 * Verifies a bundle file offline with the log's public key, streaming line by line (memory
 * is the Merkle tree, 32 bytes per event). Resolves to the log verifier's report plus the
 * header; a failure names the first failing event in log order and its line in the file.
 * Rejects only when the file cannot be read.
 */
export const verifyBundle = async (
  path: string,
  publicKey: KeyObject | string,
  options: VerifyBundleOptions = {},
  onProgress?: BundleProgress,
): Promise<BundleReport> => {
  let header: BundleHeader | null = null;
  const notes: string[] = [];
  let verifier: LogVerifier | undefined;
  // Checkpoints precede the events, so the verifier starts at the first event (or at the end).
  const started = (): LogVerifier =>
    (verifier ??= new LogVerifier({ checkpoints: notes, since: options.since, publicKey, keyName: options.keyName, origin: header?.origin, strict: options.strict }));

  for await (const item of readBundleLines(path)) {
    if ('malformed' in item) {
      const firstFailure: BundleFailure = { reason: 'bundle-malformed', detail: item.malformed, index: item.index, stream: null, revision: null, position: null, line: item.line };
      return { ok: false, events: verifier?.tree.size ?? 0, firstFailure, header };
    }
    if ('header' in item) header = item.header;
    else if ('checkpoint' in item) notes.push(item.checkpoint);
    else {
      const log = started();
      log.append(item.event);
      if (log.failed) break;
      if (onProgress && log.tree.size % PROGRESS_EVERY === 0) onProgress(log.tree.size, header!.events);
    }
  }

  const report = started().finish();
  const total = header!.events;
  onProgress?.(report.events, total);
  const eventLine = (index: number | null) => (index === null ? null : 2 + notes.length + index);
  if (!report.ok) return { ...report, firstFailure: { ...report.firstFailure, line: eventLine(report.firstFailure.index) }, header };
  if (report.events < total) {
    // No signed checkpoint reaches past the cut, but the header still tells the file was cut.
    const last = verifier!.lastEvent;
    const detail = `the header announces ${total} events, the bundle holds ${report.events}`;
    return { ok: false, events: report.events, firstFailure: { reason: 'log-truncated', detail, ...last, line: eventLine(last.index) }, header };
  }
  return { ...report, header: header! };
};
