import { IsIn, IsOptional } from 'class-validator';
import { IsLocalDate } from '@sunshine/application';
import {
  PROGRESS_FORMATS,
  ProgressFormat,
  REPORT_EDITIONS,
  REPORT_FORMATS,
  ReportEdition,
  ReportFormat,
} from '@sunshine/reports';
import { SummaryQuery } from './summary.dto';

export class ReportQuery extends SummaryQuery {
  @IsIn(REPORT_FORMATS) format!: ReportFormat;
  /** `clean` (default): the document a township hands in; `evidence`: numbered notes and the appendix. */
  @IsOptional() @IsIn(REPORT_EDITIONS) edition?: ReportEdition;
}

export class ProgressQuery extends SummaryQuery {
  /** First business day of the span, YYYY-MM-DD. */
  @IsLocalDate() from!: string;
  /** Last business day of the span, YYYY-MM-DD, not before `from`. */
  @IsLocalDate() to!: string;
  @IsIn(PROGRESS_FORMATS) format!: ProgressFormat;
  @IsOptional() @IsIn(REPORT_EDITIONS) edition?: ReportEdition;
}
