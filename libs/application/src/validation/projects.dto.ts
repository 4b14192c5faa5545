import { IsIn } from 'class-validator';
import { FUNDING_SOURCES, MILESTONES, PROJECT_CATEGORIES } from '@sunshine/domain';
import { CnyDto, IsId, IsLocalDate, IsMoney, IsNestedList, IsQuantity, IsText, Optional } from './decorators';

export class FundingDto {
  @IsIn(FUNDING_SOURCES) source!: string;
  @IsMoney(CnyDto) amount!: CnyDto;
}

export class RegisterProjectDto {
  @IsId() projectId!: string;
  @IsText(200) name!: string;
  @IsIn(PROJECT_CATEGORIES) category!: string;
  @IsLocalDate() registeredOn!: string;
  @IsMoney(CnyDto) plannedInvestment!: CnyDto;
  @Optional() @IsNestedList(FundingDto, { max: 50 }) funding?: FundingDto[];
  @Optional() @IsId() villageId?: string;
}

export class RecordMilestoneDto {
  @IsId() projectId!: string;
  @IsIn(MILESTONES) milestone!: string;
  @IsLocalDate() reachedOn!: string;
  @Optional() @IsText() note?: string;
}

export class ReportProjectProgressDto {
  @IsId() projectId!: string;
  @IsMoney(CnyDto) investedToDate!: CnyDto;
  @IsLocalDate() asOf!: string;
  @Optional() @IsText() reason?: string;
}

export class RecordProjectOutputDto {
  @IsId() projectId!: string;
  @IsText(100) metric!: string;
  @IsQuantity() quantity!: number;
  @IsLocalDate() on!: string;
}

export const projectDtos = {
  RegisterProject: RegisterProjectDto,
  RecordMilestone: RecordMilestoneDto,
  ReportProjectProgress: ReportProjectProgressDto,
  RecordProjectOutput: RecordProjectOutputDto,
};
