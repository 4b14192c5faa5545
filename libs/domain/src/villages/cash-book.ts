import { LocalDate } from '../shared';
import { VillageFinanceEvent } from './villages.events';

export interface CashEntry {
  entryId: string;
  kind: 'receipt' | 'expenditure';
  /** CNY minor units, always > 0; the kind gives the direction. */
  minor: number;
  on: LocalDate;
  voucherNo: string;
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

/** Vouchers are paper numbers typed by hand: " 收-15" and "收-15" are one voucher. */
const voucherKey = (voucherNo: string): string => voucherNo.trim();

const delta = (entry: CashEntry): number => (entry.reversed ? 0 : entry.kind === 'receipt' ? entry.minor : -entry.minor);

/** The lookups a decision needs, built by applying finance events in order. Mutable: owned by one CashBook at a time. */
class CashBookIndex {
  readonly entries = new Map<string, CashEntry>();
  readonly vouchers = new Set<string>();
  readonly debts = new Map<string, Debt>();
  /** Entries in business-date order (stable for one date), for balances by date. */
  private readonly byDate: CashEntry[] = [];
  private total = 0;

  apply(event: VillageFinanceEvent): void {
    switch (event.type) {
      case 'ReceiptRecorded':
      case 'ExpenditureRecorded': {
        const { entryId, amount, on, voucherNo } = event.data;
        const kind = event.type === 'ReceiptRecorded' ? 'receipt' : 'expenditure';
        const entry: CashEntry = { entryId, kind, minor: amount.minor, on, voucherNo, eventId: event.eventId, reversed: false };
        this.entries.set(entryId, entry);
        this.vouchers.add(voucherKey(voucherNo));
        this.byDate.splice(this.insertionPoint(on), 0, entry);
        this.total += delta(entry);
        return;
      }
      case 'EntryReversed': {
        const entry = this.entries.get(event.data.entryId);
        if (!entry || entry.reversed) return;
        this.total -= delta(entry);
        entry.reversed = true;
        return;
      }
      case 'DebtRegistered': {
        const { debtId, amount, incurredOn } = event.data;
        this.debts.set(debtId, { debtId, minor: amount.minor, settled: 0, incurredOn });
        return;
      }
      case 'DebtSettled': {
        const debt = this.debts.get(event.data.debtId);
        if (debt) debt.settled += event.data.amount.minor;
        return;
      }
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }

  /**
   * The lowest end-of-day balance on `from` or any later date. Walks only the entries dated after
   * `from`, so recording in date order (the usual case) costs next to nothing.
   */
  lowestBalanceFrom(from: LocalDate): DatedBalance {
    let later = 0; // the sum of the entries dated after the day looked at
    let lowest: DatedBalance | undefined;
    let i = this.byDate.length - 1;
    while (i >= 0 && this.byDate[i].on > from) {
      const day = this.byDate[i].on;
      if (!lowest || this.total - later < lowest.minor) lowest = { minor: this.total - later, on: day };
      for (; i >= 0 && this.byDate[i].on === day; i--) later += delta(this.byDate[i]);
    }
    const onFrom = { minor: this.total - later, on: from };
    return lowest && lowest.minor < onFrom.minor ? lowest : onFrom;
  }

  get balance(): number {
    return this.total;
  }

  /** After the last entry dated on or before `on`: binary search, entries of one day keep their order. */
  private insertionPoint(on: LocalDate): number {
    let [low, high] = [0, this.byDate.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.byDate[mid].on <= on) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * A village's cash book and debts as of some event: an immutable list of its finance events.
 * `with` is O(1). The index behind the lookups is handed from each version to the next, so a
 * fold over a long cash book stays linear; an older version asked again rebuilds its own.
 */
export class CashBook {
  static readonly EMPTY = new CashBook(undefined, undefined);

  private index?: CashBookIndex;

  private constructor(
    private readonly event: VillageFinanceEvent | undefined,
    private readonly previous: CashBook | undefined,
  ) {}

  with(event: VillageFinanceEvent): CashBook {
    return new CashBook(event, this);
  }

  entry(entryId: string): Readonly<CashEntry> | undefined {
    return this.lookups().entries.get(entryId);
  }

  hasVoucher(voucherNo: string): boolean {
    return this.lookups().vouchers.has(voucherKey(voucherNo));
  }

  debt(debtId: string): Readonly<Debt> | undefined {
    return this.lookups().debts.get(debtId);
  }

  /** The cash balance after every entry, whatever its date. */
  get balance(): number {
    return this.lookups().balance;
  }

  lowestBalanceFrom(from: LocalDate): DatedBalance {
    return this.lookups().lowestBalanceFrom(from);
  }

  private lookups(): CashBookIndex {
    if (this.index) return this.index;
    // Walk back to the nearest version holding an index (or the start), take it over, replay forward.
    const pending: VillageFinanceEvent[] = [];
    let version: CashBook | undefined = this;
    while (version && !version.index) {
      if (version.event) pending.push(version.event);
      version = version.previous;
    }
    const index = version?.index ?? new CashBookIndex();
    if (version) version.index = undefined;
    for (let i = pending.length - 1; i >= 0; i--) index.apply(pending[i]);
    this.index = index;
    return index;
  }
}
