import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsObject, IsString, Matches, Max, MaxLength, Min, MinLength, registerDecorator, ValidateNested, ValidationOptions } from 'class-validator';
import { ID_PATTERN, isLocalDate } from '@sunshine/domain';

/** Field decorators for the value types of DOMAIN.md, shared by every command's DTO. */

export const IsLocalDate = (options?: ValidationOptions): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'isLocalDate',
    target: target.constructor,
    propertyName: propertyName as string,
    options,
    validator: { validate: (value: unknown) => isLocalDate(value), defaultMessage: () => '$property must be a calendar date YYYY-MM-DD' },
  });

export const IsId = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Matches(ID_PATTERN, { message: '$property must be an id' })(target, key);
};

/** Free text a clerk types: present, not empty, bounded. */
export const IsText = (maxLength = 2000): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  MinLength(1)(target, key);
  MaxLength(maxLength)(target, key);
};

export class MoneyDto {
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code' })
  currency!: string;

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

export const IsMoney = (dto: new () => MoneyDto = MoneyDto): PropertyDecorator => (target, key) => {
  IsDefined()(target, key);
  IsObject()(target, key);
  ValidateNested()(target, key);
  Type(() => dto)(target, key);
};
