import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { Actor, CommandType, Dictionary, ID_PATTERN, optionsOf, wordFor } from '@sunshine/domain';
import { Capability, capabilityFor, may } from '../commands/access-policy';
import { COMMAND_DTOS, CommandDto } from './command-dtos';
import { nestedDtoOf } from './compiled-check';
import { CnyDto, MoneyDto } from './decorators';
import { COMMAND_GROUPS, CommandGroup, fieldOf, fieldsOf, formOf, PickKind } from './form';

/** How a form offers a field: the kind of input and what it may hold. */
export type FieldInput =
  'id' | 'text' | 'date' | 'money' | 'code' | 'number' | 'quantity' | 'period' | 'ids' | 'object' | 'list';

export interface CatalogueField {
  name: string;
  /** The JSON path of the field in a command envelope, e.g. `data.amount` (forms carry it as `data-field`). */
  path: string;
  label: string;
  required: boolean;
  input: FieldInput;
  maxLength?: number;
  options?: { value: string; label: string }[];
  /** A code field whose options are suggestions: other values may be typed. */
  open?: boolean;
  pick?: PickKind;
  newId?: string;
  hint?: string;
  /** Money restricted to these currencies (village cash books and projects keep CNY). */
  currencies?: string[];
  maxItems?: number;
  /** The fields of a nested object, or of each item of a list. */
  fields?: CatalogueField[];
}

export interface CatalogueCommand {
  type: CommandType;
  title: string;
  group: CommandGroup;
  groupTitle: string;
  summary?: string;
  capability: Capability;
  fields: CatalogueField[];
}

interface Constraint {
  name: string;
  args: unknown[];
}

const constraintsOf = (dto: CommandDto, property: string): { optional: boolean; constraints: Constraint[] } => {
  const metadatas = getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', false, false, undefined)
    .filter((m) => m.propertyName === property);
  return {
    optional: metadatas.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION),
    constraints: metadatas.map((m) => ({ name: m.name ?? m.type, args: m.constraints ?? [] })),
  };
};

const isMoneyDto = (dto: CommandDto | undefined): dto is typeof MoneyDto =>
  dto === MoneyDto || dto?.prototype instanceof MoneyDto;

const optionsFrom = (values: unknown[], words?: Dictionary) =>
  values.map((value) => ({ value: String(value), label: words ? wordFor(words, String(value)) : String(value) }));

const describeField = (dto: CommandDto, name: string, prefix: string): CatalogueField => {
  const path = `${prefix}.${name}`;
  const described = fieldOf(dto, name) ?? { label: name };
  const { optional, constraints } = constraintsOf(dto, name);
  const has = (constraint: string) => constraints.find((c) => c.name === constraint);
  const nested = nestedDtoOf(dto, name);
  const field: CatalogueField = { name, path, label: described.label, required: !optional, input: 'text' };
  if (described.pick) field.pick = described.pick;
  if (described.newId) field.newId = described.newId;
  if (described.hint) field.hint = described.hint;
  if (has('isArray') && nested) {
    field.input = 'list';
    field.maxItems = has('arrayMaxSize')?.args[0] as number | undefined;
    field.fields = describeFields(nested, `${path}.0`);
  } else if (isMoneyDto(nested)) {
    field.input = 'money';
    if (nested === CnyDto || nested.prototype instanceof CnyDto) field.currencies = ['CNY'];
  } else if (nested) {
    field.input = 'object';
    field.fields = describeFields(nested, path);
  } else if (has('isIn')) {
    field.input = 'code';
    field.options = optionsFrom(has('isIn')?.args[0] as unknown[], described.words);
  } else if (described.words) {
    field.input = 'code';
    field.open = described.open ?? false;
    field.options = optionsOf(described.words);
  } else if (has('isLocalDate')) field.input = 'date';
  else if (has('isIdList')) field.input = 'ids';
  else if (has('isPeriod')) field.input = 'period';
  else if (has('atMostThreeDecimals')) field.input = 'quantity';
  else if (has('isNumber') || has('isMinorUnits')) field.input = 'number';
  else if ((has('matches')?.args[0] as RegExp | undefined)?.source === ID_PATTERN.source) field.input = 'id';
  const maxLength = has('maxLength')?.args[0];
  if (typeof maxLength === 'number') field.maxLength = maxLength;
  return field;
};

const describeFields = (dto: CommandDto, prefix: string): CatalogueField[] =>
  fieldsOf(dto).map((name) => describeField(dto, name, prefix));

let catalogue: CatalogueCommand[] | undefined;

/**
 * Every command as a form: its title, group and fields, each with its label, input, limits,
 * options, where to pick a record from and how a new id is made. Drawn from the DTOs (the same
 * rules the API validates with), so the web app and the registers never keep a second copy.
 */
export const commandCatalogue = (): CatalogueCommand[] =>
  (catalogue ??= [...COMMAND_DTOS].map(([type, dto]) => {
    const form = formOf(dto) ?? { title: type, group: 'corrections' as const };
    return {
      type: type as CommandType,
      title: form.title,
      group: form.group,
      groupTitle: COMMAND_GROUPS[form.group],
      ...(form.summary ? { summary: form.summary } : {}),
      capability: capabilityFor(type as CommandType),
      fields: describeFields(dto, 'data'),
    };
  }));

/** The commands an actor may send. */
export const catalogueFor = (actor: Actor): CatalogueCommand[] =>
  commandCatalogue().filter((command) => may(actor, command.capability));
