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

/**
 * Applies an NDJSON file of command envelopes in file order, each command its own transaction,
 * yielding one result per non-blank line and a closing summary. Re-importing appends nothing new:
 * every command is idempotent by its commandId.
 */
export async function* importCommands(
  lines: AsyncIterable<NdjsonLine>,
  options: ImportOptions,
): AsyncGenerator<ImportResultLine | ImportSummary> {
  const summary = { applied: 0, duplicates: 0, failed: 0 };
  // Results wait here, in file order, until their commands are durable.
  const inFlight: InFlight[] = [];
  let lineNumber = 0;
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
  for await (const text of lines) {
    lineNumber++;
    if (typeof text === 'string' && text.trim() === '') continue;
    const line = lineNumber;
    let commandId: string | undefined;
    let submitted = false;
    try {
      if (typeof text !== 'string') throw unreadable(text);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ImportLineError(400, 'MALFORMED_JSON', {
          zh: '此行不是有效的 JSON',
          en: 'this line is not valid JSON',
        });
      }
      const candidate = (body as { commandId?: unknown })?.commandId;
      if (typeof candidate === 'string') commandId = candidate;
      const envelope = validateCommand(body);
      submitted = true;
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
      if (!submitted) options.onInvalid?.(typeOfLine(text));
      const failed: ImportResultLine = { line, commandId, ok: false, ...describeError(error, options) };
      inFlight.push({ settled: Promise.resolve(failed), result: failed });
      // A file in another encoding fails on every line with Chinese in it: it stops here, to be saved again as UTF-8.
      if (options.onError === 'stop' || failed.code === NOT_UTF8 || failed.code === BODY_TIMEOUT) stopped = true;
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

/** The command type a line names, if it can be read at all. */
const typeOfLine = (text: NdjsonLine): unknown => {
  if (typeof text !== 'string') return undefined;
  try {
    return (JSON.parse(text) as { type?: unknown })?.type;
  } catch {
    return undefined;
  }
};

const NOT_UTF8 = 'IMPORT_NOT_UTF8';
const BODY_TIMEOUT = 'IMPORT_BODY_TIMEOUT';

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
