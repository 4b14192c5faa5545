import {
  alreadyExists,
  Decider,
  DecisionContext,
  LocalDate,
  notBefore,
  notFound,
  notInFuture,
  RuleViolation,
  unknownEvent,
} from '../shared';
import { AuditCommand, AuditSubject, RecordRectification, Severity } from './audits.commands';
import { AuditEvent, FindingRectified } from './audits.events';

export interface Finding {
  severity: Severity;
  /** Currency of the amount involved, when one was given. */
  currency?: string;
  /** Absent for findings recorded before findings had their own date. */
  foundOn?: LocalDate;
  rectifiedOn?: LocalDate;
}

export type Audit =
  | { status: 'unopened' }
  | {
      status: 'open' | 'closed';
      auditId: string;
      subject: AuditSubject;
      openedOn: LocalDate;
      findings: Record<string, Finding>;
    };

type OpenedAudit = Extract<Audit, { auditId: string }>;

const AUDIT = { zh: '审计', en: 'Audit' };
const FINDING = { zh: '审计发现的问题', en: 'Finding' };

/** Major and critical findings must be rectified before an audit closes; info and minor may stay open. */
const BLOCKS_CLOSING: readonly Severity[] = ['major', 'critical'];

const opened = (state: Audit, auditId: string): OpenedAudit => {
  if (state.status === 'unopened') throw notFound(AUDIT, auditId, 'data.auditId');
  return state;
};

const stillOpen = (state: Audit, auditId: string): OpenedAudit => {
  const audit = opened(state, auditId);
  if (audit.status === 'closed')
    throw new RuleViolation('RULE_AUDIT_CLOSED', { zh: `审计「${auditId}」已结束`, en: `audit ${auditId} is closed` });
  return audit;
};

export const auditDecider: Decider<AuditCommand, AuditEvent, Audit> = {
  initialState: () => ({ status: 'unopened' }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'AuditOpened':
        return {
          status: 'open',
          auditId: event.data.auditId,
          subject: event.data.subject,
          openedOn: event.data.openedOn,
          findings: {},
        };
      case 'FindingRecorded': {
        if (state.status === 'unopened') return state;
        const { findingId, severity, amountInvolved, foundOn } = event.data;
        return {
          ...state,
          findings: { ...state.findings, [findingId]: { severity, currency: amountInvolved?.currency, foundOn } },
        };
      }
      case 'FindingRectified': {
        const finding = state.status === 'unopened' ? undefined : state.findings[event.data.findingId];
        if (state.status === 'unopened' || !finding) return state;
        return {
          ...state,
          findings: { ...state.findings, [event.data.findingId]: { ...finding, rectifiedOn: event.data.rectifiedOn } },
        };
      }
      case 'AuditClosed':
        return state.status === 'unopened' ? state : { ...state, status: 'closed' };
      default:
        return unknownEvent(event, state);
    }
  },

  decide: (command, state, context) => {
    switch (command.type) {
      case 'OpenAudit': {
        const { auditId, openedOn } = command.data;
        if (state.status !== 'unopened') throw alreadyExists(AUDIT, auditId, 'data.auditId');
        notInFuture(openedOn, 'openedOn', context);
        return [
          {
            type: 'AuditOpened',
            data: { ...command.data, subject: { ...command.data.subject } },
            occurredOn: openedOn,
          },
        ];
      }
      case 'RecordFinding': {
        const { auditId, findingId } = command.data;
        const audit = stillOpen(state, auditId);
        if (Object.hasOwn(audit.findings, findingId)) throw alreadyExists(FINDING, findingId, 'data.findingId');
        const { foundOn } = command.data;
        if (foundOn === undefined) return [{ type: 'FindingRecorded', data: { ...command.data } }];
        notInFuture(foundOn, 'foundOn', context);
        notBefore('RULE_FINDING_BEFORE_AUDIT', foundOn, 'foundOn', audit.openedOn, 'openedOn');
        return [{ type: 'FindingRecorded', data: { ...command.data }, occurredOn: foundOn }];
      }
      case 'RecordRectification':
        // A rectification may come after the audit closed: minor findings may stay open at closing.
        return [rectify(command.data, opened(state, command.data.auditId), context)];
      case 'CloseAudit': {
        const { auditId, closedOn } = command.data;
        const audit = stillOpen(state, auditId);
        notInFuture(closedOn, 'closedOn', context);
        notBefore('RULE_AUDIT_CLOSED_BEFORE_OPENED', closedOn, 'closedOn', audit.openedOn, 'openedOn');
        const blocking = Object.entries(audit.findings).filter(([, f]) => BLOCKS_CLOSING.includes(f.severity));
        const unrectified = blocking.filter(([, f]) => f.rectifiedOn === undefined).map(([id]) => id);
        if (unrectified.length)
          throw new RuleViolation('RULE_AUDIT_OPEN_FINDINGS', {
            zh: `审计「${auditId}」还有未整改的重大或严重问题（${unrectified.join('、')}），整改后才能结束审计`,
            en: `audit ${auditId} has unrectified major or critical findings: ${unrectified.join(', ')}`,
          });
        const lastRectifiedOn = blocking
          .map(([, f]) => f.rectifiedOn as LocalDate)
          .sort()
          .pop();
        if (lastRectifiedOn)
          notBefore('RULE_AUDIT_CLOSED_BEFORE_RECTIFICATION', closedOn, 'closedOn', lastRectifiedOn, 'rectifiedOn');
        return [{ type: 'AuditClosed', data: { ...command.data }, occurredOn: closedOn }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
};

const rectify = (data: RecordRectification['data'], audit: OpenedAudit, context: DecisionContext): FindingRectified => {
  const { findingId, rectifiedOn, amountRecovered } = data;
  const finding = Object.hasOwn(audit.findings, findingId) ? audit.findings[findingId] : undefined;
  if (!finding) throw notFound(FINDING, findingId, 'data.findingId');
  if (finding.rectifiedOn !== undefined)
    throw new RuleViolation(
      'RULE_FINDING_ALREADY_RECTIFIED',
      {
        zh: `问题「${findingId}」已于 ${finding.rectifiedOn} 整改`,
        en: `finding ${findingId} was already rectified on ${finding.rectifiedOn}`,
      },
      'data.findingId',
    );
  notInFuture(rectifiedOn, 'rectifiedOn', context);
  notBefore('RULE_RECTIFICATION_BEFORE_AUDIT', rectifiedOn, 'rectifiedOn', audit.openedOn, 'openedOn');
  if (finding.foundOn !== undefined)
    notBefore('RULE_RECTIFICATION_BEFORE_FINDING', rectifiedOn, 'rectifiedOn', finding.foundOn, 'foundOn');
  if (amountRecovered && finding.currency && amountRecovered.currency !== finding.currency)
    throw new RuleViolation(
      'RULE_CURRENCY_MISMATCH',
      {
        zh: `挽回金额币种 ${amountRecovered.currency} 与涉及金额币种 ${finding.currency} 不一致`,
        en: `amountRecovered is in ${amountRecovered.currency}, the finding in ${finding.currency}`,
      },
      'data.amountRecovered.currency',
    );
  return { type: 'FindingRectified', data: { ...data }, occurredOn: rectifiedOn };
};
