import { LocalDate, Money } from '@sunshine/domain';

/**
 * The fields of event data this projection reads, for the contexts whose event types
 * libs/domain does not export yet (DOMAIN.md's tables: event data = the command's data).
 * Only what the read models use is named; everything else in the data is ignored.
 */

export interface DisputeRegisteredData {
  disputeId: string;
  category: string;
  receivedOn: LocalDate;
  villageId?: string;
  /** Personal data: only `subjectId` is read, never a name, ID number or phone. */
  parties?: { subjectId?: string }[];
  subjectIds?: string[];
}
export interface MediationRecordedData { heldOn: LocalDate; outcome: string }
export interface DisputeResolvedData { resolvedOn: LocalDate; method: string }
export interface DisputeEscalatedData { escalatedOn: LocalDate; to: string }

export interface AuditOpenedData { auditId: string; subject: { kind: string; id: string }; scope: string; openedOn: LocalDate }
export interface FindingRecordedData { findingId: string; severity: string; amountInvolved?: Money }
export interface FindingRectifiedData { findingId: string; rectifiedOn: LocalDate; amountRecovered?: Money }
export interface AuditClosedData { closedOn: LocalDate }

export interface ReceiptRecordedData {
  villageId: string;
  entryId: string;
  amount: Money;
  category: string;
  counterparty: string;
  voucherNo: string;
  on: LocalDate;
}
export interface ExpenditureRecordedData {
  villageId: string;
  entryId: string;
  amount: Money;
  category: string;
  payee: string;
  voucherNo: string;
  approvalRef: string;
  on: LocalDate;
}
export interface EntryReversedData { entryId: string; reason: string; on: LocalDate }
export interface DebtRegisteredData { debtId: string; creditor: string; amount: Money; incurredOn: LocalDate }
export interface DebtSettledData { debtId: string; amount: Money; settledOn: LocalDate; method: string }

export interface IndicatorReportedData { indicator: string; period: string; value: number; unit: string }
export interface IndicatorTargetSetData { indicator: string; period: string; target: number }
