import { Actor, DomainError, notFound, ValidationFailed } from '@sunshine/domain';
import { EventStore } from '@sunshine/event-store';
import { ProjectionStore } from '@sunshine/projections';
import { capabilityFor, requireCapability } from '../commands/access-policy';
import { CommandPipeline } from '../commands/command-pipeline';
import { applyInOrder, ImportItem, ImportResultLine, ImportSummary } from '../commands/import-commands';
import { Rehearsal } from '../commands/rehearsal';
import { NameDirectory } from './name-directory';
import { headerFor, RowCommand, rowCommands } from './register-rows';
import { registerOf, RegisterKind } from './registers';
import { registerTemplate, RegisterFile } from './register-template';
import { readSheet, Sheet } from './sheet-files';

/** What a preview says of a file: how many data rows, how many would be recorded, and each bad cell. */
export interface RegisterPreview {
  rows: number;
  valid: number;
  /** Of the valid rows, those recorded by an earlier upload: importing appends nothing for them. */
  alreadyImported: number;
  invalid: { row: number; header: string; detail: string }[];
}

/** An import's result for one row: as `/commands/import` answers a line, with the sheet's row number. */
export type RegisterResult = WithRow<ImportResultLine>;
type WithRow<Line> = Line extends { line: number } ? Omit<Line, 'line'> & { row: number } : never;

export interface RegisterUpload {
  kind: string;
  file: Buffer;
  contentType: string | undefined;
  actor: Actor;
  language: 'zh' | 'en';
}

/**
 * The registers (台账) desk: templates to fill in, a preview that decides every row as the ledger
 * would without recording anything, and the import, each row a command of the same pipeline.
 */
export class RegisterDesk {
  constructor(
    private readonly reads: ProjectionStore,
    private readonly events: EventStore,
    private readonly commands: Pick<CommandPipeline, 'submit'>,
    private readonly options: { clock?: () => Date; subjectExists?: (subjectId: string) => boolean } = {},
  ) {}

  /** The register of a kind; registers are commands, so only a role that may send its command may upload it. */
  register(kind: string, actor?: Actor): RegisterKind {
    const register = registerOf(kind);
    if (!register) throw notFound({ zh: '台账类型', en: 'Register kind' }, kind, 'kind');
    if (actor) requireCapability(actor, capabilityFor(register.command));
    return register;
  }

  template(kind: string, format: 'xlsx' | 'csv'): Promise<RegisterFile> {
    return registerTemplate(this.register(kind), format);
  }

  private async read(upload: RegisterUpload): Promise<{ register: RegisterKind; sheet: Sheet; rows: RowCommand[] }> {
    const register = this.register(upload.kind, upload.actor);
    const sheet = await readSheet(upload.file, upload.contentType);
    return { register, sheet, rows: rowCommands(register, sheet, await NameDirectory.read(this.reads)) };
  }

  async preview(upload: RegisterUpload): Promise<RegisterPreview> {
    const { register, sheet, rows } = await this.read(upload);
    const rehearsal = new Rehearsal(this.events, this.options);
    const invalid: RegisterPreview['invalid'] = [];
    const bad = (row: number, header: string, detail: { zh: string; en: string }) =>
      invalid.push({ row, header, detail: detail[upload.language] });
    const firstWith = new Map<string, number>();
    let valid = 0;
    let alreadyImported = 0;
    for (const { row, envelope, problems } of rows) {
      for (const problem of problems) bad(row, problem.header, problem.detail);
      if (!envelope) continue;
      // The same record twice in one file: the second row would be refused (or, identical, recorded once).
      const data = envelope.data as Record<string, unknown>;
      const unique = register.unique && `${register.unique.map((field) => String(data[field])).join('/')}`;
      const earlier = firstWith.get(envelope.commandId) ?? (unique ? firstWith.get(unique) : undefined);
      if (earlier !== undefined) {
        const field = register.unique?.at(-1);
        bad(row, headerFor(register, sheet, field && `data.${field}`), {
          zh: `与第${earlier}行重复`,
          en: `repeats row ${earlier}`,
        });
        continue;
      }
      firstWith.set(envelope.commandId, row);
      if (unique) firstWith.set(unique, row);
      const outcome = await rehearsal.try(envelope, upload.actor);
      if (outcome.ok) {
        valid++;
        if (outcome.duplicate) alreadyImported++;
      } else bad(row, headerFor(register, sheet, fieldOf(outcome.error)), outcome.error.detail);
    }
    return { rows: rows.length, valid, alreadyImported, invalid };
  }

  /** Each row through the pipeline in sheet order, as the NDJSON import does; `row` in place of `line`. */
  async *import(
    upload: RegisterUpload,
    onError: 'stop' | 'continue',
    onRows?: (rows: number) => void,
  ): AsyncGenerator<RegisterResult | ImportSummary> {
    const { rows } = await this.read(upload);
    onRows?.(rows.length);
    const items: ImportItem[] = rows.map(({ row, envelope, problems }) =>
      envelope
        ? { line: row, commandId: envelope.commandId, envelope }
        : { line: row, refusal: new ValidationFailed(problems.map((p) => ({ path: p.header, ...p.detail }))) },
    );
    const results = applyInOrder(items, {
      onError,
      language: upload.language,
      actor: upload.actor,
      submit: (envelope, actor) => this.commands.submit(envelope, actor),
    });
    for await (const result of results) {
      if ('summary' in result) yield result;
      else {
        const { line, ...rest } = result;
        yield { row: line, ...rest } as RegisterResult;
      }
    }
  }
}

/** The data path a refusal names; a refusal of scope is about the village a row names. */
const fieldOf = (error: DomainError): string | undefined =>
  (error as { field?: string }).field ?? (error.code === 'FORBIDDEN_VILLAGE_SCOPE' ? 'data.villageId' : undefined);
