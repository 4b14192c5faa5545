/** The longest import line read (CONTRACT.md: an import line above 1 MiB is refused). */
export const MAX_LINE_BYTES = 1024 * 1024;

/** A line that is not handed on as text, with why. */
export interface UnreadableLine {
  unreadable: 'too-large' | 'not-utf8' | 'timed-out';
  /** How many bytes the line had (without its line break). */
  bytes: number;
}

export type NdjsonLine = string | UnreadableLine;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The lines of an NDJSON body as it arrives, each decoded as strict UTF-8. A line longer than
 * `maxLineBytes` is never held: its bytes are counted and dropped up to its line break, and it
 * comes out as `too-large`, so the next line is read as usual. A line that is not valid UTF-8
 * (a file saved as GBK, say) comes out as `not-utf8` instead of turning into U+FFFD. A UTF-8 byte
 * order mark at the start of the body is skipped; `\r\n` line ends are accepted.
 */
export async function* ndjsonLines(
  body: AsyncIterable<Buffer | Uint8Array | string>,
  options: { maxLineBytes?: number; idleTimeoutMs?: number } = {},
): AsyncGenerator<NdjsonLine> {
  const max = options.maxLineBytes ?? MAX_LINE_BYTES;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let length = 0;
  let oversized = false;
  let atStart = true;
  const finish = (): NdjsonLine => {
    const bytes = length;
    let line = parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
    parts = [];
    length = 0;
    if (oversized) {
      oversized = false;
      return { unreadable: 'too-large', bytes };
    }
    if (line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN) line = line.subarray(0, line.length - 1);
    try {
      return decoder.decode(line);
    } catch {
      return { unreadable: 'not-utf8', bytes };
    }
  };
  const take = (piece: Buffer): void => {
    length += piece.length;
    if (oversized) return;
    if (length > max) {
      oversized = true;
      parts = [];
      return;
    }
    parts.push(piece);
  };
  for await (const received of withIdleTimeout(body, options.idleTimeoutMs)) {
    if (received === TIMED_OUT) {
      yield { unreadable: 'timed-out', bytes: length };
      return;
    }
    let chunk =
      typeof received === 'string'
        ? Buffer.from(received, 'utf8')
        : Buffer.from(received.buffer, received.byteOffset, received.byteLength);
    if (atStart) {
      // The mark may arrive split across chunks: wait for three bytes before deciding.
      const head = Buffer.concat([...parts, chunk]);
      if (head.length < BOM.length && BOM.subarray(0, head.length).equals(head)) {
        parts = [head];
        length = 0;
        continue;
      }
      atStart = false;
      parts = [];
      chunk = head.subarray(0, BOM.length).equals(BOM) ? head.subarray(BOM.length) : head;
    }
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, from)) {
      take(chunk.subarray(from, at));
      yield finish();
      from = at + 1;
    }
    if (from < chunk.length) take(chunk.subarray(from));
  }
  if (atStart && parts.length > 0) {
    // A body of one or two bytes that begin a byte order mark: not text.
    const head = Buffer.concat(parts);
    parts = [];
    take(head);
  }
  if (length > 0 || oversized) yield finish();
}

const TIMED_OUT = Symbol('timed out');

/**
 * The body's chunks; TIMED_OUT, then nothing more, when none arrives for `idleTimeoutMs` while one
 * is awaited. Only waiting for the client counts: time spent on the lines already read does not.
 */
async function* withIdleTimeout<T>(
  body: AsyncIterable<T>,
  idleTimeoutMs: number | undefined,
): AsyncGenerator<T | typeof TIMED_OUT> {
  if (!idleTimeoutMs) return yield* body;
  const chunks = body[Symbol.asyncIterator]();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMED_OUT>(
      (resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), idleTimeoutMs)),
    );
    const next = await Promise.race([chunks.next(), timeout]);
    clearTimeout(timer);
    if (next === TIMED_OUT) {
      // The pending read settles when the connection is closed; nothing waits for it.
      void chunks.return?.().catch(() => undefined);
      yield TIMED_OUT;
      return;
    }
    if (next.done) return;
    yield next.value;
  }
}
