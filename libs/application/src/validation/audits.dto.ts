import { IsIn } from 'class-validator';
import { AUDIT_SCOPES, AUDIT_SUBJECT_KINDS, SEVERITIES } from '@sunshine/domain';
import { IsId, IsLocalDate, IsMoney, IsNested, IsText, MoneyDto, Optional } from './decorators';

export class AuditSubjectDto {
  @IsIn(AUDIT_SUBJECT_KINDS) kind!: string;
  @IsId() id!: string;
}

export class OpenAuditDto {
  @IsId() auditId!: string;
  @IsNested(AuditSubjectDto) subject!: AuditSubjectDto;
  @IsIn(AUDIT_SCOPES) scope!: string;
  @IsLocalDate() openedOn!: string;
  @IsText(200) leadAuditor!: string;
}

export class RecordFindingDto {
  @IsId() auditId!: string;
  @IsId() findingId!: string;
  @IsIn(SEVERITIES) severity!: string;
  @IsText() description!: string;
  @Optional() @IsMoney() amountInvolved?: MoneyDto;
}

export class RecordRectificationDto {
  @IsId() auditId!: string;
  @IsId() findingId!: string;
  @IsLocalDate() rectifiedOn!: string;
  @IsText() description!: string;
  @Optional() @IsMoney() amountRecovered?: MoneyDto;
}

export class CloseAuditDto {
  @IsId() auditId!: string;
  @IsLocalDate() closedOn!: string;
  @IsText() conclusion!: string;
}

export const auditDtos = {
  OpenAudit: OpenAuditDto,
  RecordFinding: RecordFindingDto,
  RecordRectification: RecordRectificationDto,
  CloseAudit: CloseAuditDto,
};
