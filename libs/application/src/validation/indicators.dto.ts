import { IsString, Matches } from 'class-validator';
import { INDICATOR_CODE } from '@sunshine/domain';
import { IsFiniteNumber, IsIndicatorValue, IsPeriod, IsText, Optional } from './decorators';

export class ReportIndicatorDto {
  @IsString() @Matches(INDICATOR_CODE, { message: '$property must be a code of a-z, 0-9 and -' }) indicator!: string;
  @IsPeriod() period!: string;
  /** Checked against `unit`: a CNY unit takes an integer of minor units (400 here, before any state). */
  @IsIndicatorValue() value!: number;
  @IsText(40) unit!: string;
  @Optional() @IsText() reason?: string;
}

export class SetIndicatorTargetDto {
  @IsString() @Matches(INDICATOR_CODE, { message: '$property must be a code of a-z, 0-9 and -' }) indicator!: string;
  @IsPeriod() period!: string;
  /** Its unit is the indicator's, known only from the stream: the decider checks CNY targets (422). */
  @IsFiniteNumber() target!: number;
}

export const indicatorDtos = {
  ReportIndicator: ReportIndicatorDto,
  SetIndicatorTarget: SetIndicatorTargetDto,
};
