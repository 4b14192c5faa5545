import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { LIST_FORMATS, ListFormat } from '../exports/download';

export class RevealQuery {
  @IsOptional() @IsIn(LIST_FORMATS) format?: ListFormat;
  @IsOptional() @IsIn(['personal-data']) reveal?: 'personal-data';
  @ValidateIf((q: RevealQuery) => q.reveal !== undefined) @IsString() @MinLength(2) reason?: string;
}

export class StreamQuery extends RevealQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) from?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @IsOptional() @Matches(/^\d+$/) minPosition?: string;
}

export class EventsQuery extends RevealQuery {
  @IsOptional() @IsString() after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @IsOptional() @IsString() type?: string;
  @IsOptional() @IsString() actor?: string;
  @IsOptional() @IsISO8601({ strict: true }) recordedFrom?: string;
  @IsOptional() @IsISO8601({ strict: true }) recordedTo?: string;
  @IsOptional() @IsString() minPosition?: string;
}
