import { LocalDate } from '../shared';

/** The national mediation case types (人民调解案件类型). */
export type DisputeCategory =
  | 'marriage-family'
  | 'neighbour'
  | 'housing-homestead'
  | 'contract'
  | 'damages'
  | 'forest-land'
  | 'land-acquisition'
  | 'labour'
  | 'village-affairs'
  | 'other';
export const DISPUTE_CATEGORIES: readonly DisputeCategory[] = [
  'marriage-family',
  'neighbour',
  'housing-homestead',
  'contract',
  'damages',
  'forest-land',
  'land-acquisition',
  'labour',
  'village-affairs',
  'other',
];

export type MediationOutcome = 'agreement' | 'no-agreement' | 'adjourned';
export const MEDIATION_OUTCOMES: readonly MediationOutcome[] = ['agreement', 'no-agreement', 'adjourned'];

export type ResolutionMethod = 'mediation' | 'withdrawn' | 'other';
export const RESOLUTION_METHODS: readonly ResolutionMethod[] = ['mediation', 'withdrawn', 'other'];

export type EscalationTarget = 'court' | 'arbitration' | 'county' | 'petition-office' | 'other';
export const ESCALATION_TARGETS: readonly EscalationTarget[] = [
  'court',
  'arbitration',
  'county',
  'petition-office',
  'other',
];

/** A party as the clerk enters it: personal data. Without a subjectId the decider assigns one. */
export interface PartyInput {
  subjectId?: string;
  name: string;
  idNumber?: string;
  phone?: string;
}

export interface RegisterDispute {
  type: 'RegisterDispute';
  data: {
    disputeId: string;
    category: DisputeCategory;
    receivedOn: LocalDate;
    summary: string;
    parties: PartyInput[];
    villageId?: string;
  };
}

export interface RecordMediation {
  type: 'RecordMediation';
  data: { disputeId: string; heldOn: LocalDate; mediator: string; outcome: MediationOutcome; note?: string };
}

export interface ResolveDispute {
  type: 'ResolveDispute';
  data: { disputeId: string; resolvedOn: LocalDate; method: ResolutionMethod; agreement?: string };
}

export interface EscalateDispute {
  type: 'EscalateDispute';
  data: { disputeId: string; escalatedOn: LocalDate; to: EscalationTarget; reason: string };
}

export type DisputeCommand = RegisterDispute | RecordMediation | ResolveDispute | EscalateDispute;
