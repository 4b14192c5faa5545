import { Actor, CommandType, RecordKind } from '@sunshine/domain';
import {
  AuditDoc,
  AuditFinding,
  DebtDoc,
  DisputeDoc,
  EntryDoc,
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  VillageDoc,
} from '@sunshine/projections';
import { capabilityFor, may } from '../commands/access-policy';
import { commandCatalogue } from '../validation/catalogue';

/**
 * A command a record page offers: its form (from the catalogue) with the fields that name the
 * record already filled in. A correction changes what was recorded (amend, reverse, void, revise)
 * and always asks for its reason; a follow-up records what happened next.
 */
export interface RecordAction {
  type: CommandType;
  title: string;
  data: Record<string, unknown>;
  /** The field the reason is written in: every correction has one. */
  reason?: string;
}

interface Offers {
  corrections: RecordAction[];
  followUps: RecordAction[];
}

const TITLES = new Map(commandCatalogue().map((command) => [command.type, command.title]));

const offer = (type: CommandType, data: Record<string, unknown>, reason?: string): RecordAction => ({
  type,
  title: TITLES.get(type) ?? type,
  data,
  ...(reason ? { reason } : {}),
});

const correction = (type: CommandType, data: Record<string, unknown>) => offer(type, data, 'data.reason');
const voiding = (stream: string) => correction('VoidRecord', { stream });

const offersOf = (kind: RecordKind, doc: unknown, item?: AuditFinding): Offers => {
  switch (kind) {
    case 'investment': {
      const { investmentId, termination, stream } = doc as InvestmentDoc;
      const id = { investmentId };
      return {
        corrections: [
          correction('AmendInvestment', id),
          ...(termination ? [] : [correction('TerminateInvestment', id)]),
          voiding(stream),
        ],
        followUps: termination ? [] : [offer('RecordCapitalArrival', id)],
      };
    }
    case 'project': {
      const { projectId, progress, stream } = doc as ProjectDoc;
      const id = { projectId };
      return {
        // A progress report with a reason corrects the previous one.
        corrections: [...(progress.length ? [correction('ReportProjectProgress', id)] : []), voiding(stream)],
        followUps: [offer('RecordMilestone', id), offer('ReportProjectProgress', id), offer('RecordProjectOutput', id)],
      };
    }
    case 'dispute': {
      const { disputeId, conclusion, stream } = doc as DisputeDoc;
      const id = { disputeId };
      return {
        corrections: [voiding(stream)],
        followUps: conclusion
          ? []
          : [offer('RecordMediation', id), offer('ResolveDispute', id), offer('EscalateDispute', id)],
      };
    }
    case 'audit': {
      const { auditId, closure, stream } = doc as AuditDoc;
      return {
        corrections: [voiding(stream)],
        followUps: closure
          ? [offer('RecordFinding', { auditId })]
          : [offer('RecordFinding', { auditId }), offer('CloseAudit', { auditId })],
      };
    }
    case 'finding': {
      const { auditId } = doc as AuditDoc;
      return {
        corrections: [],
        followUps: item?.rectification ? [] : [offer('RecordRectification', { auditId, findingId: item?.findingId })],
      };
    }
    case 'entry': {
      const { villageId, entryId, reversal } = doc as EntryDoc;
      return { corrections: reversal ? [] : [correction('ReverseEntry', { villageId, entryId })], followUps: [] };
    }
    case 'debt': {
      const { villageId, debtId, amount, settlements } = doc as DebtDoc;
      const settled = settlements.reduce((sum, s) => sum + s.amount.minor, 0);
      return { corrections: [], followUps: settled < amount.minor ? [offer('SettleDebt', { villageId, debtId })] : [] };
    }
    case 'village': {
      const { villageId } = doc as VillageDoc;
      const id = { villageId };
      return {
        corrections: [],
        followUps: [offer('RecordReceipt', id), offer('RecordExpenditure', id), offer('RegisterDebt', id)],
      };
    }
    case 'indicator': {
      const { code, unit, stream } = doc as IndicatorDoc;
      const id = { indicator: code, ...(unit ? { unit } : {}) };
      return {
        // Reporting a period again revises it, with a reason.
        corrections: [...(unit ? [correction('ReportIndicator', id)] : []), voiding(stream)],
        followUps: [offer('ReportIndicator', id), offer('SetIndicatorTarget', { indicator: code })],
      };
    }
    case 'term':
      return { corrections: [], followUps: [] };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown record kind ${String(unknown)}`);
    }
  }
};

/**
 * What the actor may do with the record now: nothing on a voided record (it takes no command),
 * and only the commands the actor's role may send.
 */
export const actionsOn = (
  kind: RecordKind,
  doc: unknown,
  voided: boolean,
  actor: Actor,
  item?: AuditFinding,
): Offers => {
  if (voided) return { corrections: [], followUps: [] };
  const allowed = (action: RecordAction) => may(actor, capabilityFor(action.type));
  const { corrections, followUps } = offersOf(kind, doc, item);
  return { corrections: corrections.filter(allowed), followUps: followUps.filter(allowed) };
};
