import {
  alreadyExists,
  Decider,
  DecisionContext,
  isId,
  LocalDate,
  notBefore,
  notFound,
  notInFuture,
  RuleViolation,
  unknownEvent,
} from '../shared';
import { DisputeCommand, PartyInput, RegisterDispute } from './disputes.commands';
import { DisputeEvent, DisputeRegistered, Party } from './disputes.events';

export type DisputeStatus = 'open' | 'resolved' | 'escalated';

export type Dispute =
  | { status: 'unregistered' }
  | {
      status: DisputeStatus;
      disputeId: string;
      receivedOn: LocalDate;
      villageId?: string;
      /** Dates of the mediations that reached an agreement. */
      agreementsOn: LocalDate[];
    };

type RegisteredDispute = Extract<Dispute, { disputeId: string }>;

const DISPUTE = { zh: '矛盾纠纷', en: 'Dispute' };

/** A dispute is concluded once resolved or escalated; nothing more is recorded on it. */
const open = (state: Dispute, disputeId: string): RegisteredDispute => {
  if (state.status === 'unregistered') throw notFound(DISPUTE, disputeId, 'data.disputeId');
  if (state.status !== 'open')
    throw new RuleViolation('RULE_DISPUTE_CONCLUDED', {
      zh: `矛盾纠纷「${disputeId}」已${state.status === 'resolved' ? '化解' : '移交'}办结，不能再登记`,
      en: `dispute ${disputeId} is concluded (${state.status})`,
    });
  return state;
};

const DATE_BEFORE_RECEIPT = 'RULE_DISPUTE_DATE_BEFORE_RECEIPT';

export const disputeDecider: Decider<DisputeCommand, DisputeEvent, Dispute> = {
  initialState: () => ({ status: 'unregistered' }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'DisputeRegistered':
        return {
          status: 'open',
          disputeId: event.data.disputeId,
          receivedOn: event.data.receivedOn,
          villageId: event.data.villageId,
          agreementsOn: [],
        };
      case 'MediationRecorded':
        return state.status !== 'unregistered' && event.data.outcome === 'agreement'
          ? { ...state, agreementsOn: [...state.agreementsOn, event.data.heldOn] }
          : state;
      case 'DisputeResolved':
        return state.status === 'unregistered' ? state : { ...state, status: 'resolved' };
      case 'DisputeEscalated':
        return state.status === 'unregistered' ? state : { ...state, status: 'escalated' };
      default:
        return unknownEvent(event, state);
    }
  },

  decide: (command, state, context) => {
    switch (command.type) {
      case 'RegisterDispute':
        if (state.status !== 'unregistered') throw alreadyExists(DISPUTE, command.data.disputeId, 'data.disputeId');
        return [register(command.data, context)];
      case 'RecordMediation': {
        const { disputeId, heldOn } = command.data;
        const dispute = open(state, disputeId);
        notInFuture(heldOn, 'heldOn', context);
        notBefore(DATE_BEFORE_RECEIPT, heldOn, 'heldOn', dispute.receivedOn, 'receivedOn');
        return [{ type: 'MediationRecorded', data: { ...command.data }, occurredOn: heldOn }];
      }
      case 'ResolveDispute': {
        const { disputeId, resolvedOn, method } = command.data;
        const dispute = open(state, disputeId);
        notInFuture(resolvedOn, 'resolvedOn', context);
        notBefore(DATE_BEFORE_RECEIPT, resolvedOn, 'resolvedOn', dispute.receivedOn, 'receivedOn');
        if (method === 'mediation') {
          const [firstAgreement] = [...dispute.agreementsOn].sort();
          if (firstAgreement === undefined)
            throw new RuleViolation(
              'RULE_DISPUTE_NO_AGREEMENT',
              {
                zh: '调解化解须先登记一次达成协议的调解',
                en: 'resolving by mediation needs a mediation that reached agreement',
              },
              'data.method',
            );
          notBefore('RULE_RESOLUTION_BEFORE_AGREEMENT', resolvedOn, 'resolvedOn', firstAgreement, 'heldOn');
        }
        return [{ type: 'DisputeResolved', data: { ...command.data }, occurredOn: resolvedOn }];
      }
      case 'EscalateDispute': {
        const { disputeId, escalatedOn } = command.data;
        const dispute = open(state, disputeId);
        notInFuture(escalatedOn, 'escalatedOn', context);
        notBefore(DATE_BEFORE_RECEIPT, escalatedOn, 'escalatedOn', dispute.receivedOn, 'receivedOn');
        return [{ type: 'DisputeEscalated', data: { ...command.data }, occurredOn: escalatedOn }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
};

const register = (data: RegisterDispute['data'], context: DecisionContext): DisputeRegistered => {
  const { disputeId, receivedOn } = data;
  notInFuture(receivedOn, 'receivedOn', context);
  if (data.parties.length === 0)
    throw new RuleViolation(
      'RULE_DISPUTE_NO_PARTY',
      { zh: '矛盾纠纷至少要有一名当事人', en: 'a dispute needs at least one party' },
      'data.parties',
    );
  const parties = data.parties.map((party, index) => withSubject(party, disputeId, index, context));
  const subjectIds = parties.map((p) => p.subjectId);
  const repeated = subjectIds.find((id, i) => subjectIds.indexOf(id) !== i);
  if (repeated !== undefined)
    throw new RuleViolation(
      'RULE_DISPUTE_PARTY_REPEATED',
      { zh: `当事人编号「${repeated}」重复出现`, en: `subject ${repeated} is listed twice among the parties` },
      'data.parties',
    );
  return { type: 'DisputeRegistered', data: { ...data, parties, subjectIds }, occurredOn: receivedOn };
};

/**
 * Copies only a party's known fields, and gives a party without a subjectId a new one: from
 * `context.newId` (the pipeline passes random UUIDs), else `<disputeId>-p<n>` (n from 1), which
 * is unique because the disputeId is; that fallback keeps specs and offline tools deterministic.
 */
const withSubject = (party: PartyInput, disputeId: string, index: number, context: DecisionContext): Party => {
  const subjectId = party.subjectId ?? context.newId?.() ?? `${disputeId}-p${index + 1}`;
  if (!isId(subjectId))
    throw new RuleViolation(
      'RULE_SUBJECT_ID_NEEDED',
      { zh: `第 ${index + 1} 名当事人需要填写当事人编号`, en: `party ${index + 1} needs a subjectId` },
      `data.parties.${index}.subjectId`,
    );
  return {
    subjectId,
    name: party.name,
    ...(party.idNumber !== undefined ? { idNumber: party.idNumber } : {}),
    ...(party.phone !== undefined ? { phone: party.phone } : {}),
  };
};
