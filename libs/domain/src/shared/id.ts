import { FieldProblem } from './errors';

/** Ids are chosen by the client; historical records keep their paper numbers (`ZS-2009-014`). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

export const idProblem = (path: string, value: unknown): FieldProblem | undefined =>
  isId(value)
    ? undefined
    : {
        path,
        zh: '不是有效的编号（字母或数字开头，至多 80 个字母、数字或 . _ : -）',
        en: 'is not a valid id (a letter or digit, then up to 79 of letters, digits . _ : -)',
      };
