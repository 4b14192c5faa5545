import { Actor, DomainError } from '@sunshine/domain';
import { CommandEnvelope, ExecutedCommand } from './command-pipeline';
import { statusOf } from './refusal-status';
import { validateCommand } from '../validation/validate-command';
import { MAX_LINE_BYTES, NdjsonLine, UnreadableLine } from './ndjson-lines';

export type ImportResultLine =
  | { line: number; commandId?: string; ok: true; position: string; duplicate?: true; token?: string }
  | { line: number; commandId?: string; ok: false; status: number; code: string; detail: string };

export interface ImportSummary {
  summary: { applied: number; duplicates: number; failed: number };
}

export interface ImportOptions {
  onError: 'stop' | 'continue';
  language: 'zh' | 'en';
  /** Applies one validated command; `durable` resolves once it survives a crash. */
  submit: (envelope: CommandEnvelope, actor: Actor) => Promise<{ durable: Promise<ExecutedCommand> }>;
  actor: Actor;
  /** Told of each line refused before it reached `submit` (unreadable, not JSON, invalid), with the type it named. */
  onInvalid?: (type: unknown) => void;
  /** Maps an error that is not a domain error (a server's answer, a crash) to a result line. */
  describe?: (error: unknown) => { status: number; code: string; detail: string } | undefined;
}

/** One command of a bulk import, by its place in the file: validated, or refused before it is sent. */
export interface ImportItem {
  line: number;
  commandId?: string;
  envelope?: CommandEnvelope;
  /** Why the item never became a command (malformed JSON, invalid data, a bad register cell). */
  refusal?: unknown;
  /** The command type a refused item named, if it could be read (for the metrics). */
  type?: unknown;
  /** A refusal that ends the run whatever `onError` says (the file is not UTF-8, or stopped arriving). */
  halts?: boolean;
}

/**
 * Applies an NDJSON file of command envelopes in file order, each command its own transaction,
 * yielding one result per non-blank line and a closing summary. Re-importing appends nothing new:
 * every command is idempotent by its commandId.
 */
export async function* importCommands(
  lines: AsyncIterable<NdjsonLine>,
  options: ImportOptions,
): AsyncGenerator<ImportResultLine | ImportSummary> {
  yield* applyInOrder(ndjsonItems(lines), options);
}

async function* ndjsonItems(lines: AsyncIterable<NdjsonLine>): AsyncGenerator<ImportItem> {
  let line = 0;
  for await (const text of lines) {
    line++;
    if (typeof text !== 'string') {
      // A file in another encoding fails on every line with Chinese in it: it stops here, to be saved again as UTF-8.
      yield { line, refusal: unreadable(text), halts: text.unreadable !== 'too-large' };
      continue;
    }
    if (text.trim() === '') continue;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      yield {
        line,
        refusal: new ImportLineError(400, 'MALFORMED_JSON', {
          zh: '此行不是有效的 JSON',
          en: 'this line is not valid JSON',
        }),
      };
      continue;
    }
    const candidate = (body as { commandId?: unknown })?.commandId;
    const commandId = typeof candidate === 'string' ? candidate : undefined;
    try {
      yield { line, commandId, envelope: validateCommand(body) };
    } catch (refusal) {
      yield { line, commandId, refusal, type: (body as { type?: unknown })?.type };
    }
  }
}

/**
 * Applies commands in the order given, each its own transaction, the next decided while the last
 * one commits; yields each one's result once it is durable (in order) and a closing summary.
 * With `onError: 'stop'`, the first refused item ends the run.
 */
export async function* applyInOrder(
  items: AsyncIterable<ImportItem> | Iterable<ImportItem>,
  options: ImportOptions,
): AsyncGenerator<ImportResultLine | ImportSummary> {
  const summary = { applied: 0, duplicates: 0, failed: 0 };
  // Results wait here, in file order, until their commands are durable.
  const inFlight: InFlight[] = [];
  let stopped = false;
  const drain = async function* (all: boolean) {
    while (inFlight.length && (all || inFlight[0].result || inFlight.length > MAX_IN_FLIGHT)) {
      const next = inFlight.shift() as InFlight;
      const result = next.result ?? (await next.settled);
      if (result.ok) {
        if (result.duplicate) summary.duplicates++;
        else summary.applied++;
      } else summary.failed++;
      yield result;
    }
  };
  for await (const { line, commandId, envelope, refusal, type, halts } of items) {
    try {
      if (!envelope) {
        options.onInvalid?.(type);
        throw refusal;
      }
      const { durable } = await options.submit(envelope, options.actor);
      const entry: InFlight = {
        settled: durable.then(
          (outcome): ImportResultLine => ({
            line,
            commandId,
            ok: true,
            position: outcome.result.position,
            ...(outcome.duplicate ? { duplicate: true as const } : {}),
            ...(outcome.token ? { token: outcome.token } : {}),
          }),
          (error): ImportResultLine => ({ line, commandId, ok: false, ...describeError(error, options) }),
        ),
      };
      entry.settled.then((result) => (entry.result = result));
      inFlight.push(entry);
    } catch (error) {
      const failed: ImportResultLine = { line, commandId, ok: false, ...describeError(error, options) };
      inFlight.push({ settled: Promise.resolve(failed), result: failed });
      if (options.onError === 'stop' || halts) stopped = true;
    }
    yield* drain(false);
    if (stopped) break;
  }
  yield* drain(true);
  yield { summary };
}

const MAX_IN_FLIGHT = 2000;

interface InFlight {
  settled: Promise<ImportResultLine>;
  result?: ImportResultLine;
}

class ImportLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: { zh: string; en: string },
  ) {
    super(detail.en);
  }
}

const BODY_TIMEOUT = 'IMPORT_BODY_TIMEOUT';
const NOT_UTF8 = 'IMPORT_NOT_UTF8';

const unreadable = (line: UnreadableLine): ImportLineError =>
  line.unreadable === 'timed-out'
    ? new ImportLineError(408, BODY_TIMEOUT, {
        zh: '文件在规定时间内没有继续传来，导入到此为止；已导入的行不会重复，请重新上传整个文件',
        en: 'the file stopped arriving; the import ends here. Lines already imported are not applied twice: send the whole file again',
      })
    : line.unreadable === 'too-large'
      ? new ImportLineError(413, 'IMPORT_LINE_TOO_LARGE', {
          zh: `此行有 ${line.bytes} 字节，超过每行 ${MAX_LINE_BYTES} 字节（1 MiB）的上限，未导入`,
          en: `this line has ${line.bytes} bytes, more than the ${MAX_LINE_BYTES} bytes (1 MiB) a line may have; not imported`,
        })
      : new ImportLineError(400, NOT_UTF8, {
          zh: '此行不是 UTF-8 编码的文本（文件可能是 GBK/GB18030 编码）：请将文件另存为 UTF-8 编码后重新导入，已导入的行不会重复',
          en: 'this line is not UTF-8 text (the file may be in GBK/GB18030): save the file as UTF-8 and import it again; lines already imported are not applied twice',
        });

const describeError = (error: unknown, options: ImportOptions): { status: number; code: string; detail: string } => {
  if (error instanceof DomainError)
    return { status: statusOf(error), code: error.code, detail: error.detail[options.language] };
  if (error instanceof ImportLineError)
    return { status: error.status, code: error.code, detail: error.detail[options.language] };
  const described = options.describe?.(error);
  if (described) return described;
  return { status: 500, code: 'INTERNAL_ERROR', detail: error instanceof Error ? error.message : String(error) };
};
