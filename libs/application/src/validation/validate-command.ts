import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { FieldProblem, isId, ValidationFailed } from '@sunshine/domain';
import type { CommandEnvelope } from '../commands/command-pipeline';
import { dtoOf } from './command-dtos';
import { knownFields, surelyValid } from './compiled-check';
import { jsonShapeProblems } from './json-shape';
import { describeConstraint } from './messages';

const ENVELOPE_FIELDS = new Set(['type', 'commandId', 'expectedRevision', 'data']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Flattens class-validator's tree into one problem per field, named by JSON path. */
const toProblems = (errors: ValidationError[], prefix: string): FieldProblem[] =>
  errors.flatMap((error) => {
    const path = `${prefix}.${error.property}`;
    const own = Object.entries(error.constraints ?? {})
      .slice(0, 1)
      .map(([name, message]) => ({ path, ...describeConstraint(name, message) }));
    return [...own, ...toProblems(error.children ?? [], path)];
  });

/**
 * What class-transformer is handed to word the problems: the data with every own `constructor`
 * key left out at any depth, since class-transformer reads it as the object's class and throws.
 * No field of any command is named so: such a key is always reported (as an unknown field, or as
 * a value of the wrong type), and what is recorded is the validated copy, never this.
 */
const withoutConstructorKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutConstructorKeys);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (key !== 'constructor') copy[key] = withoutConstructorKeys(item);
  return copy;
};

const envelopeProblems = (body: Record<string, unknown>): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(body))
    if (!ENVELOPE_FIELDS.has(key)) problems.push({ path: key, zh: '是未知字段', en: 'is not a known field' });
  const { type, commandId, expectedRevision, data } = body;
  if (typeof type !== 'string')
    problems.push({ path: 'type', zh: '为必填项，应为命令类型', en: 'is required: the command type' });
  else if (!dtoOf(type))
    problems.push({ path: 'type', zh: `未知的命令类型「${type}」`, en: `unknown command type "${type}"` });
  if (!isId(commandId))
    problems.push({ path: 'commandId', zh: '为必填项，应为有效编号', en: 'is required and must be an id' });
  if (expectedRevision !== undefined && !(Number.isSafeInteger(expectedRevision) && (expectedRevision as number) >= -1))
    problems.push({ path: 'expectedRevision', zh: '应为不小于 -1 的整数', en: 'must be an integer of at least -1' });
  if (!isPlainObject(data))
    problems.push({ path: 'data', zh: '为必填项，应为对象', en: 'is required and must be an object' });
  return problems;
};

/**
 * Checks a command envelope's shape and its data's every field, before any state is read.
 * Returns the envelope with a copy of exactly the validated fields — the DTO of its type makes the
 * data the domain command's data (command-dtos.ts) — or throws ValidationFailed (400).
 */
export const validateCommand = (body: unknown): CommandEnvelope => {
  if (!isPlainObject(body))
    throw new ValidationFailed([{ path: '', zh: '命令应为 JSON 对象', en: 'the command must be a JSON object' }]);
  const shape = jsonShapeProblems(body, '');
  if (shape.length) throw new ValidationFailed(shape);
  const problems = envelopeProblems(body);
  const dto = typeof body.type === 'string' ? dtoOf(body.type) : undefined;
  let data: unknown = body.data;
  if (dto && isPlainObject(body.data)) {
    data = knownFields(dto, body.data, 'data', problems);
    // Almost every command is valid: the compiled check says so cheaply; class-validator words the problems otherwise.
    if (!surelyValid(dto, data))
      problems.push(
        ...toProblems(
          validateSync(plainToInstance(dto, withoutConstructorKeys(data)) as object, { forbidUnknownValues: true }),
          'data',
        ),
      );
  }
  if (problems.length) throw new ValidationFailed(problems);
  const { type, commandId, expectedRevision } = body;
  return {
    type,
    commandId,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    data,
  } as CommandEnvelope;
};
