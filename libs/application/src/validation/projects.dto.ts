import { IsBoolean, IsIn } from 'class-validator';
import {
  DataOf,
  Funding,
  FUNDING_SOURCES,
  FundingSource,
  LocalDate,
  Milestone,
  MILESTONES,
  PROJECT_CATEGORIES,
  ProjectCategory,
  RecordMilestone,
  RecordProjectOutput,
  RegisterProject,
  ReportProjectProgress,
} from '@sunshine/domain';
import { CnyDto, IsId, IsLocalDate, IsMoney, IsNestedList, IsQuantity, IsText, Optional } from './decorators';
import { Field, Form } from './form';

export class FundingDto implements Funding {
  @Field('资金来源', { words: 'fundingSource' }) @IsIn(FUNDING_SOURCES) source!: FundingSource;
  @Field('金额') @IsMoney(CnyDto) amount!: CnyDto;
}

@Form({ title: '登记项目', group: 'projects', summary: '建设项目或一事一议项目' })
export class RegisterProjectDto implements DataOf<'RegisterProject'> {
  @Field('项目编号', { newId: 'XM' }) @IsId() projectId!: string;
  @Field('项目名称') @IsText(200) name!: string;
  @Field('项目类别', { words: 'projectCategory' }) @IsIn(PROJECT_CATEGORIES) category!: ProjectCategory;
  @Field('立项日期') @IsLocalDate() registeredOn!: LocalDate;
  @Field('计划投资') @IsMoney(CnyDto) plannedInvestment!: CnyDto;
  @Field('资金构成') @Optional() @IsNestedList(FundingDto, { max: 50 }) funding?: FundingDto[];
  @Field('所在村', { pick: 'village', hint: '一事一议项目必须选择村' }) @Optional() @IsId() villageId?: string;
}

@Form({ title: '登记项目节点', group: 'projects', summary: '开工、完工、验收、投用、暂停或恢复建设' })
export class RecordMilestoneDto implements DataOf<'RecordMilestone'> {
  @Field('项目', { pick: 'project' }) @IsId() projectId!: string;
  @Field('节点', { words: 'milestone' }) @IsIn(MILESTONES) milestone!: Milestone;
  @Field('节点日期') @IsLocalDate() reachedOn!: LocalDate;
  @Field('备注') @Optional() @IsText() note?: string;
}

@Form({ title: '报告投资进度', group: 'projects', summary: '截至某日累计完成投资；数字下降须写明更正原因' })
export class ReportProjectProgressDto implements DataOf<'ReportProjectProgress'> {
  @Field('项目', { pick: 'project' }) @IsId() projectId!: string;
  @Field('累计完成投资') @IsMoney(CnyDto) investedToDate!: CnyDto;
  @Field('截止日期') @IsLocalDate() asOf!: LocalDate;
  @Field('更正原因') @Optional() @IsText() reason?: string;
}

@Form({ title: '登记项目产出', group: 'projects', summary: '如新建改建农村公路公里数' })
export class RecordProjectOutputDto implements DataOf<'RecordProjectOutput'> {
  @Field('项目', { pick: 'project' }) @IsId() projectId!: string;
  @Field('产出指标', { words: 'outputMetric', open: true }) @IsText(100) metric!: string;
  @Field('数量', { hint: '最多三位小数' }) @IsQuantity() quantity!: number;
  @Field('日期') @IsLocalDate() on!: LocalDate;
}

@Form({ title: '标记重点项目', group: 'projects', summary: '重点项目在工作总结中逐一列名；取消标记也须写明原因' })
export class MarkKeyProjectDto implements DataOf<'MarkKeyProject'> {
  @Field('项目', { pick: 'project' }) @IsId() projectId!: string;
  @Field('是否重点项目') @IsBoolean() key!: boolean;
  @Field('原因') @IsText() reason!: string;
}

export const projectDtos = {
  MarkKeyProject: MarkKeyProjectDto,
  RegisterProject: RegisterProjectDto,
  RecordMilestone: RecordMilestoneDto,
  ReportProjectProgress: ReportProjectProgressDto,
  RecordProjectOutput: RecordProjectOutputDto,
};
