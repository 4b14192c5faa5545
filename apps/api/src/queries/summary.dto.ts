import { IsIn, IsISO8601, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { LIST_FORMATS, ListFormat } from '../exports/download';

export class SummaryQuery {
  @IsOptional() @IsISO8601({ strict: true }) knownAt?: string;
  @IsOptional() @IsString() minPosition?: string;
}

export class EvidenceQuery extends SummaryQuery {
  @IsString() @MinLength(1) @Matches(/^[^\s]+$/) figure!: string;
  @IsOptional() @IsIn(LIST_FORMATS) format?: ListFormat;
}

/** The records behind a figure are read as the read models stand now (no knownAt). */
export class FigureQuery {
  @IsString() @MinLength(1) @Matches(/^[^\s]+$/) figure!: string;
  @IsOptional() @IsString() minPosition?: string;
}
