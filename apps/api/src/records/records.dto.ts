import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ID_PATTERN, RECORD_KINDS, RecordKind } from '@sunshine/domain';

export class RecordsQuery {
  @IsOptional() @IsIn(RECORD_KINDS) kind?: RecordKind;
  @IsOptional() @Matches(ID_PATTERN) villageId?: string;
  @IsOptional() @Matches(ID_PATTERN) termId?: string;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @IsString() @MaxLength(2000) after?: string;
  @IsOptional() @IsString() minPosition?: string;
}

export class RecordQuery {
  @IsOptional() @IsString() minPosition?: string;
}
