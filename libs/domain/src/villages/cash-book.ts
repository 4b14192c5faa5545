import { LocalDate } from '../shared';
import { DailyBalances, dateOfDay, dayNumber } from './daily-balances';
import { EntryTable } from './entry-table';
import { VillageFinanceEvent } from './villages.events';

export interface CashEntry {
  entryId: string;
  kind: 'receipt' | 'expenditure';
  /** CNY minor units, always > 0; the kind gives the direction. */
  minor: number;
  on: LocalDate;
  eventId?: string;
  reversed: boolean;
}

export interface Debt {
  debtId: string;
  minor: number;
  settled: number;
  incurredOn: LocalDate;
}

/** The end-of-day cash balance on a business date. */
export interface DatedBalance {
  minor: number;
  on: LocalDate;
}

interface DebtRecord {
  minor: number;
  incurredOn: LocalDate;
  addedAt: number;
  /** Pairs of (events taken before the settlement, amount settled). */
  settlements: number[];
  settled: number;
}

/** Vouchers are paper numbers typed by hand: " 收-15" and "收-15" are one voucher. */
const voucherKey = (voucherNo: string): string => voucherNo.trim();

/**
 * What a decision needs to know of a cash book, built by applying its finance events in order,
 * every fact stamped with how many events came before it. Mutable: it belongs to the newest
 * CashBook that applied to it; an older one takes a copy of its own prefix (`asOf`).
 */
class CashBookIndex {
  /** The finance events applied. */
  length = 0;
  private readonly table = new EntryTable();
  private readonly slots = new Map<string, number>();
  private readonly vouchers = new Map<string, number>();
  private readonly debts = new Map<string, DebtRecord>();
  private readonly balances = new DailyBalances();

  apply(event: VillageFinanceEvent): void {
    const at = this.length++;
    switch (event.type) {
      case 'ReceiptRecorded':
      case 'ExpenditureRecorded': {
        const { entryId, amount, on, voucherNo } = event.data;
        const kind = event.type === 'ReceiptRecorded' ? 'receipt' : 'expenditure';
        const day = dayNumber(on);
        const slot = this.table.push({ kind, minor: amount.minor, day, eventId: event.eventId, addedAt: at });
        this.slots.set(entryId, slot);
        this.vouchers.set(voucherKey(voucherNo), slot);
        this.balances.add(day, this.table.movement(slot));
        return;
      }
      case 'EntryReversed': {
        const slot = this.slots.get(event.data.entryId);
        if (slot === undefined || this.table.isReversed(slot)) return;
        const day = dayNumber(event.data.on);
        this.table.markReversed(slot, at, day);
        // A reversed entry counts until the reversal's date, and nowhere from then on (as the ledger shows it).
        this.balances.add(day, -this.table.movement(slot));
        return;
      }
      case 'DebtRegistered': {
        const { debtId, amount, incurredOn } = event.data;
        this.debts.set(debtId, { minor: amount.minor, incurredOn, addedAt: at, settlements: [], settled: 0 });
        return;
      }
      case 'DebtSettled': {
        const debt = this.debts.get(event.data.debtId);
        if (!debt) return;
        debt.settlements.push(at, event.data.amount.minor);
        debt.settled += event.data.amount.minor;
        return;
      }
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }

  entry(entryId: string): CashEntry | undefined {
    const slot = this.slots.get(entryId);
    if (slot === undefined) return undefined;
    const { kind, minor, day, eventId, reversedAt } = this.table.row(slot);
    return {
      entryId,
      kind,
      minor,
      on: dateOfDay(day),
      ...(eventId !== undefined ? { eventId } : {}),
      reversed: reversedAt !== undefined,
    };
  }

  hasVoucher(voucherNo: string): boolean {
    return this.vouchers.has(voucherKey(voucherNo));
  }

  debt(debtId: string): Debt | undefined {
    const debt = this.debts.get(debtId);
    return debt && { debtId, minor: debt.minor, settled: debt.settled, incurredOn: debt.incurredOn };
  }

  get balance(): number {
    return this.balances.total;
  }

  lowestBalanceFrom(from: LocalDate): DatedBalance {
    const day = dayNumber(from);
    const lowest = this.balances.lowestFrom(day);
    return { minor: lowest.minor, on: lowest.day === day ? from : dateOfDay(lowest.day) };
  }

  /** A copy holding only what the first `length` events recorded. O(entries): only an outdated version needs it. */
  asOf(length: number): CashBookIndex {
    const copy = new CashBookIndex();
    copy.length = length;
    let visible = 0;
    for (; visible < this.table.length; visible++) {
      const row = this.table.row(visible);
      if (row.addedAt >= length) break;
      const reversed = row.reversedAt !== undefined && row.reversedAt < length;
      const slot = copy.table.push({
        kind: row.kind,
        minor: row.minor,
        day: row.day,
        eventId: row.eventId,
        addedAt: row.addedAt,
        ...(reversed ? { reversedAt: row.reversedAt, reversedDay: row.reversedDay } : {}),
      });
      copy.balances.add(row.day, copy.table.movement(slot));
      if (reversed) copy.balances.add(row.reversedDay as number, -copy.table.movement(slot));
    }
    for (const [entryId, slot] of this.slots) if (slot < visible) copy.slots.set(entryId, slot);
    for (const [key, slot] of this.vouchers) if (slot < visible) copy.vouchers.set(key, slot);
    for (const [debtId, debt] of this.debts) {
      if (debt.addedAt >= length) continue;
      const settlements = debt.settlements.filter((_, i, all) => all[i - (i % 2)] < length);
      const settled = settlements.reduce((sum, value, i) => (i % 2 ? sum + value : sum), 0);
      copy.debts.set(debtId, { ...debt, settlements, settled });
    }
    return copy;
  }
}

const NOTHING = new CashBookIndex();

/**
 * A village's cash book and debts as of some event. Versions share one index: `with` applies the
 * event to it in place (O(log days) for an entry) when it is the newest version, so folding a
 * long cash book stays linear and no chain of versions is kept. A version left behind still
 * answers as it stood: asked again, it copies its own prefix of the index. The state cache may
 * ask an older version while a newer one exists (a command decided on a state another command
 * has just advanced), so no version may ever see a later event.
 */
export class CashBook {
  static readonly EMPTY = new CashBook(undefined, 0);

  private constructor(
    private index: CashBookIndex | undefined,
    private readonly length: number,
  ) {}

  with(event: VillageFinanceEvent): CashBook {
    const index = this.length === 0 ? new CashBookIndex() : this.lookups();
    index.apply(event);
    return new CashBook(index, this.length + 1);
  }

  entry(entryId: string): Readonly<CashEntry> | undefined {
    return this.lookups().entry(entryId);
  }

  hasVoucher(voucherNo: string): boolean {
    return this.lookups().hasVoucher(voucherNo);
  }

  debt(debtId: string): Readonly<Debt> | undefined {
    return this.lookups().debt(debtId);
  }

  /** The cash balance after every entry, whatever its date. */
  get balance(): number {
    return this.lookups().balance;
  }

  /** The lowest end-of-day balance on `from` or any later date (the earliest such date on a tie). */
  lowestBalanceFrom(from: LocalDate): DatedBalance {
    return this.lookups().lowestBalanceFrom(from);
  }

  private lookups(): CashBookIndex {
    if (!this.index) return NOTHING;
    if (this.index.length !== this.length) this.index = this.index.asOf(this.length);
    return this.index;
  }
}
