import { IsIn, Matches } from 'class-validator';
import { DISPUTE_CATEGORIES, ESCALATION_TARGETS, MEDIATION_OUTCOMES, RESOLUTION_METHODS } from '@sunshine/domain';
import { IsId, IsLocalDate, IsNestedList, IsText, Optional } from './decorators';

/** A party: personal data, encrypted before it is stored. */
export class PartyDto {
  @Optional() @IsId() subjectId?: string;
  @IsText(100) name!: string;
  @Optional() @IsText(40) idNumber?: string;
  @Optional() @IsText(40) @Matches(/^[0-9+()\- ]+$/, { message: '$property must be a phone number' }) phone?: string;
}

export class RegisterDisputeDto {
  @IsId() disputeId!: string;
  @IsIn(DISPUTE_CATEGORIES) category!: string;
  @IsLocalDate() receivedOn!: string;
  @IsText() summary!: string;
  // No minimum here: "at least one party" is a domain rule, answered 422 by the decider.
  @IsNestedList(PartyDto, { max: 1000 }) parties!: PartyDto[];
  @Optional() @IsId() villageId?: string;
}

export class RecordMediationDto {
  @IsId() disputeId!: string;
  @IsLocalDate() heldOn!: string;
  @IsText(200) mediator!: string;
  @IsIn(MEDIATION_OUTCOMES) outcome!: string;
  @Optional() @IsText() note?: string;
}

export class ResolveDisputeDto {
  @IsId() disputeId!: string;
  @IsLocalDate() resolvedOn!: string;
  @IsIn(RESOLUTION_METHODS) method!: string;
  @Optional() @IsText() agreement?: string;
}

export class EscalateDisputeDto {
  @IsId() disputeId!: string;
  @IsLocalDate() escalatedOn!: string;
  @IsIn(ESCALATION_TARGETS) to!: string;
  @IsText() reason!: string;
}

export const disputeDtos = {
  RegisterDispute: RegisterDisputeDto,
  RecordMediation: RecordMediationDto,
  ResolveDispute: ResolveDisputeDto,
  EscalateDispute: EscalateDisputeDto,
};
