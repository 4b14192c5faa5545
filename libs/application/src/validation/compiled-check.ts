import 'reflect-metadata';
import type { MetadataStorage as TypeStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { FieldProblem } from '@sunshine/domain';

// Where class-transformer keeps what @Type() said; it has no public accessor.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeStorage };

/**
 * The DTOs' class-validator constraints, gathered once per class and run straight on the plain
 * JSON — without class-validator's per-call work (collecting the metadata of every class,
 * building instances with class-transformer, an error object per field). It only answers "is
 * this valid?": the same constraint functions, the same whitelist and nesting rules. Any doubt
 * answers false, and then class-validator itself runs and words the problems (validateCommand),
 * so the answer a client gets never depends on this shortcut; the spec checks the two agree.
 */

type Validate = (value: unknown, args: ValidationArguments) => unknown;

interface Constraint {
  validate: Validate;
  each: boolean;
  validateIf?: (object: object, value: unknown) => boolean;
  property: string;
  constraints: unknown[];
}

interface Property {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  constraints: Constraint[];
  nested?: { dto: (new () => object) | undefined };
}

interface Plan {
  name: string;
  properties: Map<string, Property>;
}

const plans = new Map<new () => object, Plan>();

const planOf = (dto: new () => object): Plan => {
  let plan = plans.get(dto);
  if (!plan) {
    plan = compile(dto);
    plans.set(dto, plan);
  }
  return plan;
};

const compile = (dto: new () => object): Plan => {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(dto, '', false, false, undefined);
  const properties = new Map<string, Property>();
  for (const metadata of metadatas) {
    let property = properties.get(metadata.propertyName);
    if (!property) {
      property = { name: metadata.propertyName, conditions: [], constraints: [] };
      properties.set(metadata.propertyName, property);
    }
    addMetadata(property, metadata, dto);
  }
  return { name: dto.name, properties };
};

const addMetadata = (property: Property, metadata: ValidationMetadata, dto: new () => object): void => {
  switch (metadata.type) {
    case ValidationTypes.CONDITIONAL_VALIDATION:
      property.conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
      return;
    case ValidationTypes.NESTED_VALIDATION: {
      const type = defaultMetadataStorage.findTypeMetadata(dto, metadata.propertyName);
      property.nested = { dto: type?.typeFunction() as (new () => object) | undefined };
      return;
    }
    case ValidationTypes.CUSTOM_VALIDATION:
    case ValidationTypes.IS_DEFINED:
      for (const constraint of getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)) {
        const instance = constraint.instance as { validate: Validate };
        property.constraints.push({
          validate: instance.validate.bind(instance),
          each: metadata.each ?? false,
          validateIf: metadata.validateIf,
          property: metadata.propertyName,
          constraints: metadata.constraints,
        });
      }
      return;
    default:
      // Anything else (a promise validation, …) is class-validator's to judge.
      property.constraints.push({
        validate: () => false,
        each: false,
        property: metadata.propertyName,
        constraints: [],
      });
  }
};

/** True only when class-validator would find no problem in `data` for this DTO. */
export const surelyValid = (dto: new () => object, data: unknown): boolean => isValid(planOf(dto), data);

const isValid = (plan: Plan, object: unknown): boolean => {
  if (typeof object !== 'object' || object === null || Array.isArray(object) || plan.properties.size === 0)
    return false;
  const record = object as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!plan.properties.has(key)) return false;
  for (const property of plan.properties.values()) {
    const value = record[property.name];
    if (!property.conditions.every((condition) => condition(record, value))) continue;
    for (const constraint of property.constraints) if (!holds(constraint, plan.name, record, value)) return false;
    if (property.nested && value !== undefined && !nestedValid(property.nested.dto, value)) return false;
  }
  return true;
};

const holds = (constraint: Constraint, targetName: string, object: object, value: unknown): boolean => {
  if (constraint.validateIf && !constraint.validateIf(object, value)) return true;
  const args: ValidationArguments = {
    targetName,
    property: constraint.property,
    object,
    value,
    constraints: constraint.constraints,
  };
  if (constraint.each && Array.isArray(value)) return value.every((item) => constraint.validate(item, args) === true);
  return constraint.validate(value, args) === true;
};

const nestedValid = (dto: (new () => object) | undefined, value: unknown): boolean => {
  if (!dto) return false;
  if (Array.isArray(value)) return value.every((item) => isValid(planOf(dto), item));
  return isValid(planOf(dto), value);
};

/**
 * The data a DTO describes, copied field by field: only the fields the DTO declares, at every
 * depth. Each other field (one named `toString` or `__proto__` included) is a problem at its path.
 * What is recorded is this copy, never the body as it was sent.
 */
export const knownFields = (dto: new () => object, data: unknown, path: string, problems: FieldProblem[]): unknown =>
  copyKnown(planOf(dto), data, path, problems);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const copyKnown = (plan: Plan, value: unknown, path: string, problems: FieldProblem[]): unknown => {
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const property = plan.properties.get(key);
    if (!property) {
      problems.push({ path: `${path}.${key}`, zh: '是未知字段', en: 'is not a known field' });
      continue;
    }
    const field = value[key];
    const nested = property.nested?.dto;
    copy[key] = !nested
      ? field
      : Array.isArray(field)
        ? field.map((item, i) => copyKnown(planOf(nested), item, `${path}.${key}.${i}`, problems))
        : copyKnown(planOf(nested), field, `${path}.${key}`, problems);
  }
  return copy;
};

/** The DTO a nested field (an object, or each item of a list) is validated with. */
export const nestedDtoOf = (dto: new () => object, property: string): (new () => object) | undefined =>
  defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as (new () => object) | undefined;
