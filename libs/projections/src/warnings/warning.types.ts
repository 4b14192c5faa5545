import {
  AuditSubject,
  DisputeCategory,
  LocalDate,
  Money,
  Severity,
  WarningAction,
  WarningLevel,
  WarningRule,
  WarningStatus,
} from '@sunshine/domain';

/** What raised a warning, for its Chinese detail: the record's own words and the figures that count. */
export type WarningFacts =
  | { rule: 'dispute-overdue'; disputeId: string; category: DisputeCategory; receivedOn: LocalDate; days: number }
  | { rule: 'project-stalled'; projectId: string; name: string; lastActivityOn: LocalDate; days: number }
  | {
      rule: 'finding-unrectified';
      auditId: string;
      findingId: string;
      severity: Severity;
      description?: string;
      subject: AuditSubject;
      foundOn: LocalDate;
      days: number;
    }
  | {
      rule: 'new-village-debt';
      debtId: string;
      creditor: string;
      amount: Money;
      outstanding: Money;
      incurredOn: LocalDate;
      term: { termId: string; name: string; startsOn: LocalDate };
    }
  | {
      rule: 'large-administration-expense';
      entryId: string;
      payee: string;
      amount: Money;
      on: LocalDate;
      voucherNo: string;
    }
  | {
      rule: 'capital-arrival-low';
      investmentId: string;
      investor: string;
      signed: Money;
      arrived: Money;
      signedOn: LocalDate;
      days: number;
    }
  | {
      rule: 'indicator-behind-target';
      code: string;
      name: string;
      unit: string | null;
      target: { period: string; value: number };
      reported: { period: string; value: number };
      /** The share of the target's period the reported value covers, 0–1, to 4 decimals (1 for a percent unit). */
      elapsedShare: number;
    };

/** A warning the rules raise as of a date, before its handling is looked at. */
export interface RaisedWarning {
  warningId: string;
  rule: WarningRule;
  level: WarningLevel;
  /** The stream of the record that raised it. */
  stream: string;
  villageId: string | null;
  /** The date the current level began. */
  raisedOn: LocalDate;
  facts: WarningFacts;
}

export interface WarningHandlingView {
  handledOn: LocalDate;
  action: WarningAction;
  note: string;
  by: { userId: string; role: string };
  recordedAt: string;
  eventId: string;
}

/** A raised warning with where its handling stands as of the date. */
export interface EvaluatedWarning extends RaisedWarning {
  status: WarningStatus;
  handling: WarningHandlingView[];
}
