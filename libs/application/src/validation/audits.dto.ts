import { IsIn } from 'class-validator';
import {
  AUDIT_SCOPES,
  AUDIT_SUBJECT_KINDS,
  AuditScope,
  AuditSubject,
  AuditSubjectKind,
  CloseAudit,
  DataOf,
  LocalDate,
  OpenAudit,
  RecordFinding,
  RecordRectification,
  SEVERITIES,
  Severity,
} from '@sunshine/domain';
import { IsId, IsLocalDate, IsMoney, IsNested, IsText, MoneyDto, Optional } from './decorators';
import { Field, Form } from './form';

export class AuditSubjectDto implements AuditSubject {
  @Field('审计对象类型', { words: 'auditSubjectKind' }) @IsIn(AUDIT_SUBJECT_KINDS) kind!: AuditSubjectKind;
  @Field('审计对象', { hint: '村、项目、招商项目从列表选择；部门填写名称编号' }) @IsId() id!: string;
}

@Form({ title: '开展审计', group: 'audits', summary: '对村、项目、招商项目或部门开展审计（清理）' })
export class OpenAuditDto implements DataOf<'OpenAudit'> {
  @Field('审计编号', { newId: 'SJ' }) @IsId() auditId!: string;
  @Field('审计对象') @IsNested(AuditSubjectDto) subject!: AuditSubjectDto;
  @Field('审计范围', { words: 'auditScope' }) @IsIn(AUDIT_SCOPES) scope!: AuditScope;
  @Field('开始日期') @IsLocalDate() openedOn!: LocalDate;
  @Field('审计组长') @IsText(200) leadAuditor!: string;
}

@Form({ title: '登记审计发现问题', group: 'audits' })
export class RecordFindingDto implements DataOf<'RecordFinding'> {
  @Field('审计', { pick: 'audit' }) @IsId() auditId!: string;
  @Field('问题编号', { newId: 'F' }) @IsId() findingId!: string;
  @Field('问题性质', { words: 'severity' }) @IsIn(SEVERITIES) severity!: Severity;
  @Field('问题描述') @IsText() description!: string;
  @Field('涉及金额') @Optional() @IsMoney() amountInvolved?: MoneyDto;
  /** Required of every new finding; the domain accepts its absence only in events recorded before. */
  @Field('发现日期') @IsLocalDate() foundOn!: LocalDate;
}

@Form({ title: '登记整改', group: 'audits' })
export class RecordRectificationDto implements DataOf<'RecordRectification'> {
  @Field('审计', { pick: 'audit' }) @IsId() auditId!: string;
  @Field('问题', { pick: 'finding' }) @IsId() findingId!: string;
  @Field('整改日期') @IsLocalDate() rectifiedOn!: LocalDate;
  @Field('整改情况') @IsText() description!: string;
  @Field('挽回金额') @Optional() @IsMoney() amountRecovered?: MoneyDto;
}

@Form({ title: '审计结束', group: 'audits', summary: '较重和严重问题整改完毕后方可结束' })
export class CloseAuditDto implements DataOf<'CloseAudit'> {
  @Field('审计', { pick: 'audit' }) @IsId() auditId!: string;
  @Field('结束日期') @IsLocalDate() closedOn!: LocalDate;
  @Field('审计结论') @IsText() conclusion!: string;
}

export const auditDtos = {
  OpenAudit: OpenAuditDto,
  RecordFinding: RecordFindingDto,
  RecordRectification: RecordRectificationDto,
  CloseAudit: CloseAuditDto,
};
