import { IsOptional } from 'class-validator';
import { IsId } from '@sunshine/application';

export class LiveQuery {
  /** The term whose summary is pushed; by default the term of today (Asia/Shanghai), else the latest. */
  @IsOptional() @IsId() termId?: string;
}
