import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { FieldProblem, isId, ValidationFailed } from '@sunshine/domain';
import { CommandEnvelope } from '../command-pipeline';
import { COMMAND_DTOS } from './command-dtos';
import { surelyValid } from './compiled-check';
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
 * Checks a command envelope's shape and its data's every field, before any state is read.
 * Returns the envelope with exactly the validated fields, or throws ValidationFailed (400).
 */
export const validateCommand = (body: unknown): CommandEnvelope => {
  if (!isPlainObject(body))
    throw new ValidationFailed([{ path: '', zh: '命令应为 JSON 对象', en: 'the command must be a JSON object' }]);
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(body))
    if (!ENVELOPE_FIELDS.has(key)) problems.push({ path: key, zh: '是未知字段', en: 'is not a known field' });
  const { type, commandId, expectedRevision, data } = body;
  if (typeof type !== 'string')
    problems.push({ path: 'type', zh: '为必填项，应为命令类型', en: 'is required: the command type' });
  if (!isId(commandId))
    problems.push({ path: 'commandId', zh: '为必填项，应为有效编号', en: 'is required and must be an id' });
  if (expectedRevision !== undefined && !(Number.isSafeInteger(expectedRevision) && (expectedRevision as number) >= -1))
    problems.push({ path: 'expectedRevision', zh: '应为不小于 -1 的整数', en: 'must be an integer of at least -1' });
  if (!isPlainObject(data))
    problems.push({ path: 'data', zh: '为必填项，应为对象', en: 'is required and must be an object' });
  const dto = typeof type === 'string' ? COMMAND_DTOS[type] : undefined;
  if (typeof type === 'string' && !dto)
    problems.push({ path: 'type', zh: `未知的命令类型「${type}」`, en: `unknown command type "${type}"` });
  // Almost every command is valid: the compiled check says so cheaply; class-validator words the problems otherwise.
  if (dto && isPlainObject(data) && !surelyValid(dto, data)) {
    const instance = plainToInstance(dto, data);
    problems.push(
      ...toProblems(
        validateSync(instance as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
        'data',
      ),
    );
  }
  if (problems.length) throw new ValidationFailed(problems);
  return {
    type: type as string,
    commandId: commandId as string,
    ...(expectedRevision === undefined ? {} : { expectedRevision: expectedRevision as number }),
    data: data as Record<string, unknown>,
  };
};
