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
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { KeyObject } from 'node:crypto';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
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
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8', mode: 0o644 });
  const write = async (line: string): Promise<void> => {
    if (!out.write(line)) await once(out, 'drain');
  };
  try {
    const full: BundleHeader = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, origin: header.origin, exportedAt: header.exportedAt, events: header.events, checkpoints: checkpoints.length };
    await write(`${JSON.stringify(full)}\n`);
    for (const note of checkpoints) await write(`${JSON.stringify({ checkpoint: note })}\n`);
    let written = 0;
    for await (const event of events) {
      if (written === header.events) throw new Error(`the log yielded more than the ${header.events} events the header announces`);
      await write(eventLine(event));
      written++;
    }
    if (written !== header.events) throw new Error(`the log yielded ${written} events, the header announces ${header.events}`);
    out.end();
    await finished(out);
    await rename(partial, path);
    return { events: written };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
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
  const body = event as VerifiableEvent;
  if (typeof body.metadata !== 'object' || body.metadata === null) return 'the event has no metadata';
  if ('hash' in body.metadata) return 'the event body must not hold its own hash';
  return { ...body, position, metadata: { ...body.metadata, hash }, canonical: line.slice(prefix.length, -1) };
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

/**
 * Verifies a bundle file offline with the log's public key, streaming line by line (memory
 * is the Merkle tree, 32 bytes per event). Resolves to the log verifier's report plus the
 * header; a failure names the first failing event in log order and its line in the file.
 * Rejects only when the file cannot be read at all.
 */
export const verifyBundle = async (
  path: string,
  publicKey: KeyObject | string,
  options: VerifyBundleOptions = {},
  onProgress?: BundleProgress,
): Promise<BundleReport> => {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: BundleHeader | null = null;
  const notes: string[] = [];
  let verifier: LogVerifier | undefined;
  let lineNumber = 0;
  let failure: BundleFailure | undefined;
  const malformed = (detail: string, index: number | null = null): BundleFailure =>
    ({ reason: 'bundle-malformed', detail, index, stream: null, revision: null, position: null, line: lineNumber });
  const firstEventLine = () => 2 + (header?.checkpoints ?? 0);
  const located = (f: LogFailure): BundleFailure => ({ ...f, line: f.index === null ? null : firstEventLine() + f.index });

  try {
    for await (const line of lines) {
      lineNumber++;
      if (!header) {
        const parsed = parseHeader(line);
        if (typeof parsed === 'string') { failure = malformed(parsed); break; }
        header = parsed;
      } else if (notes.length < header.checkpoints) {
        const note = (JSON.parse(line.startsWith('{"checkpoint":') ? line : 'null') as { checkpoint?: unknown } | null)?.checkpoint;
        if (typeof note !== 'string') { failure = malformed('expected a checkpoint line'); break; }
        notes.push(note);
      } else {
        verifier ??= new LogVerifier({ checkpoints: notes, since: options.since, publicKey, keyName: options.keyName, origin: header.origin, strict: options.strict });
        if (verifier.failed) break;
        const index = verifier.tree.size;
        if (index === header.events) { failure = malformed(`the header announces ${header.events} events, yet more lines follow`); break; }
        const event = parseEventLine(line);
        if (typeof event === 'string') { failure = malformed(event, index); break; }
        if (verifier.append(event)) break;
        if (onProgress && (index + 1) % PROGRESS_EVERY === 0) onProgress(index + 1, header.events);
      }
    }
  } catch (error) {
    // A checkpoint line that is not JSON is the only parse left unguarded above.
    if (!(error instanceof SyntaxError)) throw error;
    failure = malformed('a checkpoint line is not JSON');
  } finally {
    lines.close();
    input.destroy();
  }

  if (!failure && !header) failure = malformed('the bundle is empty');
  if (!failure && header && notes.length < header.checkpoints) failure = malformed(`the header announces ${header.checkpoints} checkpoints, the bundle holds ${notes.length}`);
  if (failure) return { ok: false, events: verifier?.tree.size ?? 0, firstFailure: failure, header };

  verifier ??= new LogVerifier({ checkpoints: notes, since: options.since, publicKey, keyName: options.keyName, origin: header!.origin, strict: options.strict });
  const report = verifier.finish();
  onProgress?.(report.events, header!.events);
  if (!report.ok) return { ...report, firstFailure: located(report.firstFailure), header };
  if (report.events < header!.events) {
    const last = report.events - 1;
    return {
      ok: false,
      events: report.events,
      firstFailure: { reason: 'log-truncated', detail: `the header announces ${header!.events} events, the bundle holds ${report.events}`, index: last >= 0 ? last : null, stream: null, revision: null, position: null, line: lineNumber },
      header,
    };
  }
  return { ...report, header: header! };
};
