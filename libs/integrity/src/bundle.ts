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
 *    what the event's SHA-256 `hash` covers. The three keys appear in exactly this order and
 *    the body runs to the line's last `}`, so the verifier hashes the body's bytes straight
 *    from the line instead of re-canonicalising.
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
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { canonicalBody } from './event-hash';
import { hashedBodyOf, LogFailure, LogFailureReason, LogReport, LogVerifier, VerifiableEvent } from './log-verifier';
import { toEd25519PublicKey } from './signed-note';

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
    const full: BundleHeader = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      origin,
      exportedAt,
      events: header.events,
      checkpoints: checkpoints.length,
    };
    let chunk = `${JSON.stringify(full)}\n`;
    for (const note of checkpoints) chunk += `${JSON.stringify({ checkpoint: note })}\n`;
    for await (const event of events) {
      if (written === header.events)
        throw new Error(`the log yielded more than the ${header.events} events the header announces`);
      chunk += eventLine(event);
      written++;
      // Lines go out in chunks of about 64 kB: fewer writes, and memory stays flat.
      if (chunk.length >= 65536) {
        yield chunk;
        chunk = '';
      }
    }
    if (written !== header.events)
      throw new Error(`the log yielded ${written} events, the header announces ${header.events}`);
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
  if (
    typeof position !== 'string' ||
    typeof hash !== 'string' ||
    typeof event !== 'object' ||
    event === null ||
    Object.keys(rest).length > 0
  )
    return 'an event line holds exactly position, hash and event';
  // The layout is fixed, so the body is everything between this prefix and the final brace.
  const prefix = `{"position":${JSON.stringify(position)},"hash":${JSON.stringify(hash)},"event":`;
  if (!line.startsWith(prefix) || !line.endsWith('}'))
    return 'the line is not laid out as the bundle format prescribes';
  const body = event as VerifiableEvent;
  const metadata: unknown = body.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return 'the event has no metadata';
  if ('hash' in metadata) return 'the event body must not hold its own hash';
  // The parsed object is ours alone: completing it in place spares a copy per event.
  body.metadata.hash = hash;
  body.position = position;
  body.canonical = line.slice(prefix.length, -1);
  return body;
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
  if (header.version !== BUNDLE_VERSION)
    return `bundle version ${String(header.version)} is not supported (expected ${BUNDLE_VERSION})`;
  if (typeof header.origin !== 'string' || typeof header.exportedAt !== 'string')
    return 'the header lacks origin or exportedAt';
  for (const count of [header.events, header.checkpoints])
    if (!Number.isSafeInteger(count) || (count as number) < 0)
      return 'the header counts of events and checkpoints must be whole numbers';
  return header as BundleHeader;
};

type BundleLine =
  | { header: BundleHeader }
  | { checkpoint: string }
  | { event: VerifiableEvent }
  | { malformed: string; index: number | null };

/** Tells each line what it must be (header, checkpoint or event) from the lines before it. */
class BundleLayout {
  header: BundleHeader | null = null;
  line = 0;
  private checkpoints = 0;
  private events = 0;

  read(text: string): BundleLine {
    this.line++;
    if (!this.header) {
      const header = parseHeader(text);
      return typeof header === 'string' ? { malformed: header, index: null } : { header: (this.header = header) };
    }
    if (this.checkpoints < this.header.checkpoints) {
      const checkpoint = parseCheckpointLine(text);
      if (checkpoint === undefined)
        return { malformed: 'expected a checkpoint line: {"checkpoint":"<note>"}', index: null };
      this.checkpoints++;
      return { checkpoint };
    }
    if (this.events < this.header.events) {
      const event = parseEventLine(text);
      if (typeof event === 'string') return { malformed: event, index: this.events };
      this.events++;
      return { event };
    }
    return { malformed: `lines follow the ${this.header.events} events the header announces`, index: null };
  }

  /** What is missing at the end of the file, if the bundle cannot even be read as a log. */
  end(): string | undefined {
    if (!this.header) return 'the bundle is empty';
    if (this.checkpoints < this.header.checkpoints)
      return `the header announces ${this.header.checkpoints} checkpoints, the bundle holds ${this.checkpoints}`;
    return undefined;
  }
}

/**
 * A file's lines, a batch per read: a promise per read rather than per line, which is most
 * of the cost of reading a million short lines. A final `\r` (a copy through Windows) is
 * dropped; JSON never holds a raw one.
 */
async function* linesOf(path: string): AsyncGenerator<string[]> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    const lines: string[] = [];
    let start = 0;
    for (let end = buffer.indexOf(0x0a); end !== -1; end = buffer.indexOf(0x0a, start)) {
      lines.push(buffer.toString('utf8', start, end > start && buffer[end - 1] === 0x0d ? end - 1 : end));
      start = end + 1;
    }
    rest = buffer.subarray(start);
    if (lines.length > 0) yield lines;
  }
  if (rest.length > 0) yield [rest.toString('utf8')];
}

/**
 * Verifies a bundle file offline with the log's public key, streaming (memory is the Merkle
 * tree, 32 bytes per event). Resolves to the log verifier's report plus the header; a
 * failure names the first failing event in log order and its line in the file.
 * Rejects (before reading) when the key is not an Ed25519 public key, and when the file
 * cannot be read; everything wrong inside the file is a report.
 */
export const verifyBundle = async (
  path: string,
  publicKey: KeyObject | string,
  options: VerifyBundleOptions = {},
  onProgress?: BundleProgress,
): Promise<BundleReport> => {
  const key = toEd25519PublicKey(publicKey);
  const layout = new BundleLayout();
  const notes: string[] = [];
  let verifier: LogVerifier | undefined;
  // Checkpoints precede the events, so the verifier starts at the first event (or at the end).
  const started = (): LogVerifier =>
    (verifier ??= new LogVerifier({
      checkpoints: notes,
      since: options.since,
      publicKey: key,
      keyName: options.keyName,
      origin: layout.header?.origin,
      strict: options.strict,
    }));
  const malformed = (detail: string, index: number | null): BundleReport => ({
    ok: false,
    events: verifier?.tree.size ?? 0,
    firstFailure: {
      reason: 'bundle-malformed',
      detail,
      index,
      stream: null,
      revision: null,
      position: null,
      line: layout.line,
    },
    header: layout.header,
  });

  reading: for await (const batch of linesOf(path)) {
    for (const text of batch) {
      const item = layout.read(text);
      if ('malformed' in item) return malformed(item.malformed, item.index);
      if ('checkpoint' in item) notes.push(item.checkpoint);
      if (!('event' in item)) continue;
      const log = started();
      log.append(item.event);
      if (log.failed) break reading;
      if (onProgress && log.tree.size % PROGRESS_EVERY === 0) onProgress(log.tree.size, layout.header!.events);
    }
  }
  const missing = verifier ? undefined : layout.end();
  if (missing) return malformed(missing, null);

  const header = layout.header!;
  const report = started().finish();
  onProgress?.(report.events, header.events);
  const lineOf = (index: number | null) => (index === null ? null : 2 + notes.length + index);
  if (!report.ok)
    return { ...report, firstFailure: { ...report.firstFailure, line: lineOf(report.firstFailure.index) }, header };
  if (report.events < header.events) {
    // No signed checkpoint reaches past the cut, but the header still tells the file was cut.
    const last = verifier!.lastEvent;
    const detail = `the header announces ${header.events} events, the bundle holds ${report.events}`;
    return {
      ok: false,
      events: report.events,
      firstFailure: { reason: 'log-truncated', detail, ...last, line: lineOf(last.index) },
      header,
    };
  }
  return { ...report, header };
};
