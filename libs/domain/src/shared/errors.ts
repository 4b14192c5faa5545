/**
 * Domain errors. Each carries a stable machine `code` and a message in Chinese (shown to a
 * township clerk by default) and English. The API maps each class to an HTTP status in one place.
 */
export interface Message {
  zh: string;
  en: string;
}

export interface FieldProblem {
  /** JSON path of the field inside the command envelope, e.g. `data.amount.minor`. */
  path: string;
  zh: string;
  en: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'validation' | 'not-found' | 'conflict' | 'rule' | 'forbidden';
  constructor(
    readonly code: string,
    readonly detail: Message,
  ) {
    super(detail.en);
    this.name = new.target.name;
  }
}

/** A value of the wrong shape; found before any state is read (HTTP 400). */
export class ValidationFailed extends DomainError {
  readonly kind = 'validation';
  constructor(readonly problems: FieldProblem[]) {
    super('VALIDATION_FAILED', {
      zh: `输入有误：${problems.map((p) => `${p.path} ${p.zh}`).join('；')}`,
      en: `Invalid input: ${problems.map((p) => `${p.path} ${p.en}`).join('; ')}`,
    });
  }
}

/** The command names an aggregate or a reference that does not exist (HTTP 404). */
export class NotFound extends DomainError {
  readonly kind = 'not-found';
  constructor(
    code: string,
    detail: Message,
    readonly field?: string,
  ) {
    super(code, detail);
  }
}

/** An id that already exists, a changed stream, a reused commandId (HTTP 409). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    code: string,
    detail: Message,
    readonly field?: string,
  ) {
    super(code, detail);
  }
}

/** A domain rule is broken (HTTP 422). */
export class RuleViolation extends DomainError {
  readonly kind = 'rule';
  constructor(
    code: string,
    detail: Message,
    readonly field?: string,
  ) {
    super(code, detail);
  }
}

/** The actor's role or village scope does not allow the command (HTTP 403). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

export const alreadyExists = (what: Message, id: string, field: string): Conflict =>
  new Conflict(
    'CONFLICT_ID_EXISTS',
    { zh: `${what.zh}「${id}」已存在`, en: `${what.en} "${id}" already exists` },
    field,
  );

export const notFound = (what: Message, id: string, field: string): NotFound =>
  new NotFound('NOT_FOUND', { zh: `${what.zh}「${id}」不存在`, en: `${what.en} "${id}" does not exist` }, field);
