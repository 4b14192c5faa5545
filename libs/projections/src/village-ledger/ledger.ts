import { accumulate, LocalDate, Money, MoneyMap } from '@sunshine/domain';
import {
  DebtDoc,
  debtPrefix,
  EntryDoc,
  entryPrefix,
  RECORD_CATEGORIES,
  VillageDoc,
  villageKey,
} from '../records/record-docs';
import { compareLogPositions, RecordSource } from '../records/record-source';

export interface LedgerEntry {
  entryId: string;
  kind: 'receipt' | 'expenditure';
  on: LocalDate;
  amount: Money;
  category: string;
  /** The counterparty of a receipt, the payee of an expenditure. */
  party: string;
  voucherNo: string;
  approvalRef?: string;
  /** Reversed as of the ledger's date: the entry stays in the book and no longer counts. */
  reversed: boolean;
  reversal?: { on: LocalDate; reason: string };
  eventId: string;
}

export interface LedgerDebt {
  debtId: string;
  creditor: string;
  incurredOn: LocalDate;
  amount: Money;
  settled: Money;
  outstanding: Money;
  settlements: { settledOn: LocalDate; amount: Money; method: string }[];
}

export interface VillageLedger {
  villageId: string;
  asOf: LocalDate;
  knownAt: string | null;
  /** Receipts less expenditures up to asOf, reversed entries left out; always has CNY. */
  balance: MoneyMap;
  /** Entries dated up to asOf, by date then recording order. */
  entries: LedgerEntry[];
  /** Debts incurred up to asOf, each with what was settled and what is outstanding as of asOf. */
  debts: LedgerDebt[];
}

/**
 * A village's cash book as of a business date: what happened after `asOf` (an entry, a reversal,
 * a settlement) does not count yet. `knownAt` is only echoed: the caller replays the log up to it
 * into the source. Undefined when the village is not (yet) registered.
 */
export const villageLedger = async (
  villageId: string,
  { asOf, knownAt }: { asOf: LocalDate; knownAt?: string | null },
  source: RecordSource,
): Promise<VillageLedger | undefined> => {
  let registered = false;
  // The prefix `village-V1` also finds `village-V10`: the id must match.
  for await (const doc of source.scan<VillageDoc>(RECORD_CATEGORIES.village, { prefix: villageKey(villageId) }))
    registered ||= doc.villageId === villageId;
  if (!registered) return undefined;

  const dated: EntryDoc[] = [];
  for await (const entry of source.scan<EntryDoc>(RECORD_CATEGORIES.entry, { prefix: entryPrefix(villageId) }))
    if (entry.on <= asOf) dated.push(entry);
  // By business date, then in recording order.
  dated.sort((a, b) =>
    a.on !== b.on ? (a.on < b.on ? -1 : 1) : compareLogPositions(a.refs[0].position, b.refs[0].position),
  );

  const balance: MoneyMap = { CNY: 0 };
  const entries = dated.map((entry): LedgerEntry => {
    const reversal = entry.reversal && entry.reversal.on <= asOf ? entry.reversal : undefined;
    if (!reversal)
      accumulate(balance, entry.amount.currency, entry.kind === 'receipt' ? entry.amount.minor : -entry.amount.minor);
    return {
      entryId: entry.entryId,
      kind: entry.kind,
      on: entry.on,
      amount: entry.amount,
      category: entry.category,
      party: entry.party,
      voucherNo: entry.voucherNo,
      ...(entry.approvalRef !== undefined && { approvalRef: entry.approvalRef }),
      reversed: reversal !== undefined,
      ...(reversal && { reversal: { on: reversal.on, reason: reversal.reason } }),
      eventId: entry.eventId,
    };
  });

  const debts: LedgerDebt[] = [];
  for await (const debt of source.scan<DebtDoc>(RECORD_CATEGORIES.debt, { prefix: debtPrefix(villageId) })) {
    if (debt.incurredOn > asOf) continue;
    const settlements = debt.settlements.filter((s) => s.settledOn <= asOf);
    const settled = settlements.reduce((sum, s) => sum + s.amount.minor, 0);
    debts.push({
      debtId: debt.debtId,
      creditor: debt.creditor,
      incurredOn: debt.incurredOn,
      amount: debt.amount,
      settled: { currency: debt.amount.currency, minor: settled },
      outstanding: { currency: debt.amount.currency, minor: debt.amount.minor - settled },
      settlements: settlements.map(({ settledOn, amount, method }) => ({ settledOn, amount, method })),
    });
  }
  debts.sort((a, b) =>
    a.incurredOn !== b.incurredOn ? (a.incurredOn < b.incurredOn ? -1 : 1) : a.debtId < b.debtId ? -1 : 1,
  );

  return { villageId, asOf, knownAt: knownAt ?? null, balance, entries, debts };
};
