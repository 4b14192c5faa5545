import { IsIn, IsOptional, IsString } from 'class-validator';
import { WARNING_LEVELS, WARNING_STATUSES, WarningLevel, WarningStatus } from '@sunshine/domain';
import { IsLocalDate } from '@sunshine/application';
import { LIST_FORMATS, ListFormat } from '../exports/download';

export class WarningsQuery {
  /** The business date the rules are evaluated as of (default today, Asia/Shanghai). */
  @IsOptional() @IsLocalDate() asOf?: string;
  @IsOptional() @IsIn(WARNING_LEVELS) level?: WarningLevel;
  @IsOptional() @IsIn(WARNING_STATUSES) status?: WarningStatus;
  @IsOptional() @IsString() villageId?: string;
  @IsOptional() @IsIn(LIST_FORMATS) format?: ListFormat;
  @IsOptional() @IsString() minPosition?: string;
}
