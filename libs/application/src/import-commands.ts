import { Actor, DomainError } from '@sunshine/domain';
import { CommandOutcome, CommandEnvelope } from './command-pipeline';
import { validateCommand } from './validation/validate-command';

export type ImportResultLine =
  | { line: number; commandId?: string; ok: true; position: string; duplicate?: true }
  | { line: number; commandId?: string; ok: false; status: number; code: string; detail: string };

export interface ImportSummary {
  summary: { applied: number; duplicates: number; failed: number };
}

export interface ImportOptions {
  onError: 'stop' | 'continue';
  language: 'zh' | 'en';
  /** Runs one validated command; the pipeline, or a server over HTTP. */
  execute: (envelope: CommandEnvelope, actor: Actor) => Promise<CommandOutcome>;
  actor: Actor;
  /** Maps an error that is not a domain error (a server's answer, a crash) to a result line. */
  describe?: (error: unknown) => { status: number; code: string; detail: string } | undefined;
}

const STATUS: Record<DomainError['kind'], number> = { validation: 400, forbidden: 403, 'not-found': 404, conflict: 409, rule: 422 };

/**
 * Applies an NDJSON file of command envelopes in file order, each command its own transaction,
 * yielding one result per non-blank line and a closing summary. Re-importing appends nothing new:
 * every command is idempotent by its commandId.
 */
export async function* importCommands(lines: AsyncIterable<string>, options: ImportOptions): AsyncGenerator<ImportResultLine | ImportSummary> {
  const summary = { applied: 0, duplicates: 0, failed: 0 };
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    let commandId: string | undefined;
    try {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ImportLineError(400, 'MALFORMED_JSON', { zh: '此行不是有效的 JSON', en: 'this line is not valid JSON' });
      }
      const candidate = (body as { commandId?: unknown })?.commandId;
      if (typeof candidate === 'string') commandId = candidate;
      const envelope = validateCommand(body);
      const outcome = await options.execute(envelope, options.actor);
      if (outcome.duplicate) summary.duplicates++;
      else summary.applied++;
      yield { line: lineNumber, commandId, ok: true, position: outcome.result.position, ...(outcome.duplicate ? { duplicate: true as const } : {}) };
    } catch (error) {
      summary.failed++;
      yield { line: lineNumber, commandId, ok: false, ...describeError(error, options) };
      if (options.onError === 'stop') break;
    }
  }
  yield { summary };
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

const describeError = (error: unknown, options: ImportOptions): { status: number; code: string; detail: string } => {
  if (error instanceof DomainError) return { status: STATUS[error.kind], code: error.code, detail: error.detail[options.language] };
  if (error instanceof ImportLineError) return { status: error.status, code: error.code, detail: error.detail[options.language] };
  const described = options.describe?.(error);
  if (described) return described;
  throw error;
};
