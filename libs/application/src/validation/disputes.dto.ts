import { IsIn, Matches } from 'class-validator';
import {
  DataOf,
  DISPUTE_CATEGORIES,
  DisputeCategory,
  EscalateDispute,
  ESCALATION_TARGETS,
  EscalationTarget,
  LocalDate,
  MEDIATION_OUTCOMES,
  MediationOutcome,
  PartyInput,
  RecordMediation,
  RegisterDispute,
  RESOLUTION_METHODS,
  ResolutionMethod,
  ResolveDispute,
} from '@sunshine/domain';
import { IsId, IsLocalDate, IsNestedList, IsText, Optional } from './decorators';
import { Field, Form } from './form';

/** A party: personal data, encrypted before it is stored. */
export class PartyDto implements PartyInput {
  @Field('当事人编号', { hint: '留空则自动编号' }) @Optional() @IsId() subjectId?: string;
  @Field('姓名') @IsText(100) name!: string;
  @Field('身份证号') @Optional() @IsText(40) idNumber?: string;
  @Field('联系电话')
  @Optional()
  @IsText(40)
  @Matches(/^[0-9+()\- ]+$/, { message: '$property must be a phone number' })
  phone?: string;
}

@Form({ title: '受理矛盾纠纷', group: 'disputes', summary: '当事人信息加密保存，可依法删除' })
export class RegisterDisputeDto implements DataOf<'RegisterDispute'> {
  @Field('纠纷编号', { newId: 'TJ' }) @IsId() disputeId!: string;
  @Field('纠纷类型', { words: 'disputeCategory' }) @IsIn(DISPUTE_CATEGORIES) category!: DisputeCategory;
  @Field('受理日期') @IsLocalDate() receivedOn!: LocalDate;
  @Field('纠纷概要') @IsText() summary!: string;
  // No minimum here: "at least one party" is a domain rule, answered 422 by the decider.
  @Field('当事人') @IsNestedList(PartyDto, { max: 1000 }) parties!: PartyDto[];
  @Field('所在村', { pick: 'village' }) @Optional() @IsId() villageId?: string;
}

@Form({ title: '登记调解', group: 'disputes' })
export class RecordMediationDto implements DataOf<'RecordMediation'> {
  @Field('纠纷', { pick: 'dispute' }) @IsId() disputeId!: string;
  @Field('调解日期') @IsLocalDate() heldOn!: LocalDate;
  @Field('调解员') @IsText(200) mediator!: string;
  @Field('调解结果', { words: 'mediationOutcome' }) @IsIn(MEDIATION_OUTCOMES) outcome!: MediationOutcome;
  @Field('备注') @Optional() @IsText() note?: string;
}

@Form({ title: '纠纷化解', group: 'disputes', summary: '以调解化解的，须先有达成协议的调解' })
export class ResolveDisputeDto implements DataOf<'ResolveDispute'> {
  @Field('纠纷', { pick: 'dispute' }) @IsId() disputeId!: string;
  @Field('化解日期') @IsLocalDate() resolvedOn!: LocalDate;
  @Field('化解方式', { words: 'resolutionMethod' }) @IsIn(RESOLUTION_METHODS) method!: ResolutionMethod;
  @Field('协议内容') @Optional() @IsText() agreement?: string;
}

@Form({ title: '纠纷移交', group: 'disputes', summary: '移送法院、提交仲裁、上报县级部门或转信访部门' })
export class EscalateDisputeDto implements DataOf<'EscalateDispute'> {
  @Field('纠纷', { pick: 'dispute' }) @IsId() disputeId!: string;
  @Field('移交日期') @IsLocalDate() escalatedOn!: LocalDate;
  @Field('移交去向', { words: 'escalationTarget' }) @IsIn(ESCALATION_TARGETS) to!: EscalationTarget;
  @Field('移交原因') @IsText() reason!: string;
}

export const disputeDtos = {
  RegisterDispute: RegisterDisputeDto,
  RecordMediation: RecordMediationDto,
  ResolveDispute: ResolveDisputeDto,
  EscalateDispute: EscalateDisputeDto,
};
