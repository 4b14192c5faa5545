import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import {
  hasAtMostThreeDecimals,
  ID_PATTERN,
  isId,
  isLocalDate,
  isMonetaryUnit,
  isPeriod,
  Money,
} from '@sunshine/domain';
import { Field } from './form';

/** Field decorators for the value types of docs/domain.md#values, shared by every command's DTO. */

type Check = (value: unknown, args: ValidationArguments) => boolean;

/** A named check; the name is the constraint that messages.ts words for a clerk. */
const check =
  (name: string, validate: Check, defaultMessage: string, options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate, defaultMessage: () => defaultMessage },
    });

/**
 * An optional field: only an absent one is skipped. Unlike `@IsOptional()`, which also lets
 * `null` through to the decider, `null` here is validated and refused like any wrong type.
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

export const IsLocalDate = (options?: ValidationOptions): PropertyDecorator =>
  check('isLocalDate', (value) => isLocalDate(value), '$property must be a calendar date YYYY-MM-DD', options);

export const IsId = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Matches(ID_PATTERN, { message: '$property must be an id' })(target, key);
};

/** A list of ids (a clerk's villages): one constraint, so the message says what the list must hold. */
export const IsIdList = (): PropertyDecorator =>
  check('isIdList', (value) => Array.isArray(value) && value.every(isId), '$property must be a list of ids');

/** Free text a clerk types: present, not empty, bounded. */
export const IsText =
  (maxLength = 2000): PropertyDecorator =>
  (target, key) => {
    IsString()(target, key);
    MinLength(1)(target, key);
    MaxLength(maxLength)(target, key);
  };

/** A JSON number, finite (JSON carries no NaN or Infinity, but a caller in process might). */
export const IsFiniteNumber = (): PropertyDecorator => IsNumber({ allowNaN: false, allowInfinity: false });

/** A physical quantity (km of road, …): a number with at most 3 decimals, so sums are exact. */
export const IsQuantity = (): PropertyDecorator => (target, key) => {
  IsFiniteNumber()(target, key);
  check('atMostThreeDecimals', hasAtMostThreeDecimals, '$property may have at most 3 decimals')(target, key);
};

/** An indicator period, `YYYY` or `YYYY-MM/YYYY-MM`. */
export const IsPeriod = (): PropertyDecorator =>
  check('isPeriod', isPeriod, '$property must be a period YYYY or YYYY-MM/YYYY-MM');

/** An indicator's value: a number; for a unit starting with CNY, a safe integer of minor units. */
export const IsIndicatorValue = (): PropertyDecorator => (target, key) => {
  IsFiniteNumber()(target, key);
  check(
    'isMinorUnits',
    (value, args) => {
      const unit = (args.object as { unit?: unknown }).unit;
      return typeof unit !== 'string' || !isMonetaryUnit(unit) || Number.isSafeInteger(value);
    },
    '$property must be an integer count of minor units for a CNY unit',
  )(target, key);
};

export class MoneyDto implements Money {
  @Field('币种')
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code' })
  currency!: string;

  @Field('金额（分）')
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minor!: number;
}

/** A CNY-only amount (village cash books, project figures). */
export class CnyDto extends MoneyDto {
  @Matches(/^CNY$/, { message: '$property must be CNY' })
  declare currency: string;
}

/** A required nested object, validated field by field (unknown fields refused). */
export const IsNested =
  (dto: new () => object): PropertyDecorator =>
  (target, key) => {
    IsDefined()(target, key);
    IsObject()(target, key);
    ValidateNested()(target, key);
    Type(() => dto)(target, key);
  };

export const IsMoney = (dto: new () => MoneyDto = MoneyDto): PropertyDecorator => IsNested(dto);

/** A required list of nested objects. `min` only where the shape needs it: "at least one party" is a rule (422). */
export const IsNestedList =
  (dto: new () => object, { min, max }: { min?: number; max: number }): PropertyDecorator =>
  (target, key) => {
    IsDefined()(target, key);
    IsArray()(target, key);
    if (min !== undefined) ArrayMinSize(min)(target, key);
    ArrayMaxSize(max)(target, key);
    // ValidateNested alone lets a list through as an item ([[]]); other non-objects it refuses item by item.
    check(
      'noNestedList',
      (value) => !Array.isArray(value) || !value.some(Array.isArray),
      '$property must hold objects, not lists',
    )(target, key);
    ValidateNested({ each: true })(target, key);
    Type(() => dto)(target, key);
  };
