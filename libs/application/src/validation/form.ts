import 'reflect-metadata';
import { Dictionary } from '@sunshine/domain';

/**
 * What a person sees of a command: its title and group, and of each field its Chinese label, the
 * words of its codes, where to pick an existing record from, and how a new id is made. Declared on
 * the DTOs beside the class-validator rules, so a command is described once: the API validates
 * with it, the web app draws its form from it and the registers take their columns from it
 * (see catalogue.ts).
 */

/** The office's groups of work, as a township's back office menus them. */
export const COMMAND_GROUPS = {
  investment: '招商引资',
  projects: '项目建设',
  disputes: '矛盾纠纷',
  audits: '审计监督',
  'village-finance': '村级财务',
  indicators: '经济指标',
  administration: '任期与村',
  users: '用户',
  warnings: '三色预警',
  corrections: '更正与作废',
} as const;

export type CommandGroup = keyof typeof COMMAND_GROUPS;

/** Records a field can be picked from (`GET /api/v1/records?kind=`), never typed as an id. */
export type PickKind =
  | 'village'
  | 'project'
  | 'investment'
  | 'dispute'
  | 'audit'
  | 'finding'
  | 'entry'
  | 'debt'
  | 'indicator'
  | 'term'
  | 'user'
  | 'subject'
  | 'warning'
  | 'record';

export interface FieldDescription {
  label: string;
  /** The dictionary whose Chinese words name this field's codes. */
  words?: Dictionary;
  /** With `words`: other values may be typed too (a sector, an output metric). */
  open?: boolean;
  pick?: PickKind;
  /** A new record's id: a readable one is made with this prefix when the field is left empty. */
  newId?: string;
  hint?: string;
}

export interface FormDescription {
  title: string;
  group: CommandGroup;
  /** A short sentence under the title: what the command records. */
  summary?: string;
}

const FIELD = Symbol('form:field');
const FORM = Symbol('form:command');
const ORDER = Symbol('form:order');

/** A field's Chinese label and how a form offers it. */
export const Field =
  (label: string, options: Omit<FieldDescription, 'label'> = {}): PropertyDecorator =>
  (target, key) => {
    Reflect.defineMetadata(FIELD, { label, ...options }, target, key);
    const order: string[] = Reflect.getOwnMetadata(ORDER, target) ?? [...(Reflect.getMetadata(ORDER, target) ?? [])];
    if (!order.includes(key as string)) order.push(key as string);
    Reflect.defineMetadata(ORDER, order, target);
  };

/** A command's title and group. */
export const Form =
  (description: FormDescription): ClassDecorator =>
  (target) =>
    Reflect.defineMetadata(FORM, description, target);

export const fieldOf = (dto: new () => object, property: string): FieldDescription | undefined =>
  Reflect.getMetadata(FIELD, dto.prototype, property);

export const formOf = (dto: new () => object): FormDescription | undefined => Reflect.getMetadata(FORM, dto);

/** The described fields of a DTO, in the order they are declared. */
export const fieldsOf = (dto: new () => object): string[] => Reflect.getMetadata(ORDER, dto.prototype) ?? [];
