const HEX = '0123456789abcdef';
const DASH = 45;
const DASHES_AFTER = new Set([3, 5, 7, 9]);

const EXPENDITURE = 1;
/** The event id is held as 16 bytes; otherwise it is in `otherEventIds`, or there is none. */
const PACKED_EVENT_ID = 2;

/** One recorded cash-book entry, as the table keeps it (its entry id and voucher are kept by the caller). */
export interface EntryRow {
  kind: 'receipt' | 'expenditure';
  minor: number;
  day: number;
  eventId?: string;
  /** How many events the cash book had taken before this entry. */
  addedAt: number;
  /** How many events the cash book had taken before the reversal, if any. */
  reversedAt?: number;
  /** The day the reversal is dated, from which the entry no longer counts. */
  reversedDay?: number;
}

/**
 * Cash-book entries as columns of typed arrays, 41 bytes an entry: a village records tens of
 * thousands of entries, and a folded state is kept in memory for every busy stream.
 */
export class EntryTable {
  length = 0;
  private minor = new Float64Array(16);
  private day = new Int32Array(16);
  private addedAt = new Int32Array(16);
  /** 0 = not reversed, else the reversal's `addedAt` + 1. */
  private reversedAt = new Int32Array(16);
  private reversedDay = new Int32Array(16);
  private flags = new Uint8Array(16);
  private eventIds = new Uint8Array(16 * 16);
  private readonly otherEventIds = new Map<number, string>();

  push(row: EntryRow): number {
    if (this.length === this.flags.length) this.grow(this.length * 2);
    const slot = this.length++;
    this.minor[slot] = row.minor;
    this.day[slot] = row.day;
    this.addedAt[slot] = row.addedAt;
    this.reversedAt[slot] = row.reversedAt === undefined ? 0 : row.reversedAt + 1;
    this.reversedDay[slot] = row.reversedDay ?? 0;
    let flags = row.kind === 'expenditure' ? EXPENDITURE : 0;
    if (row.eventId !== undefined && this.packEventId(slot, row.eventId)) flags |= PACKED_EVENT_ID;
    else if (row.eventId !== undefined) this.otherEventIds.set(slot, row.eventId);
    this.flags[slot] = flags;
    return slot;
  }

  row(slot: number): EntryRow {
    const reversedAt = this.reversedAt[slot];
    return {
      kind: this.flags[slot] & EXPENDITURE ? 'expenditure' : 'receipt',
      minor: this.minor[slot],
      day: this.day[slot],
      eventId: this.eventId(slot),
      addedAt: this.addedAt[slot],
      ...(reversedAt ? { reversedAt: reversedAt - 1, reversedDay: this.reversedDay[slot] } : {}),
    };
  }

  /** The signed movement of the entry on its day, whether or not it was reversed since. */
  movement(slot: number): number {
    return this.flags[slot] & EXPENDITURE ? -this.minor[slot] : this.minor[slot];
  }

  isReversed(slot: number): boolean {
    return this.reversedAt[slot] !== 0;
  }

  markReversed(slot: number, at: number, day: number): void {
    this.reversedAt[slot] = at + 1;
    this.reversedDay[slot] = day;
  }

  /** Packs a lowercase UUID (what the store issues) into the slot's 16 bytes; false for any other id. */
  private packEventId(slot: number, id: string): boolean {
    if (id.length !== 36) return false;
    let [at, high] = [slot * 16, -1];
    for (let i = 0; i < 36; i++) {
      const code = id.charCodeAt(i);
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (code !== DASH) return false;
        continue;
      }
      const digit = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1;
      if (digit < 0) return false;
      if (high < 0) high = digit;
      else {
        this.eventIds[at++] = (high << 4) | digit;
        high = -1;
      }
    }
    return true;
  }

  private eventId(slot: number): string | undefined {
    if (!(this.flags[slot] & PACKED_EVENT_ID)) return this.otherEventIds.get(slot);
    let id = '';
    for (let i = 0; i < 16; i++) {
      const byte = this.eventIds[slot * 16 + i];
      id += HEX[byte >> 4] + HEX[byte & 15] + (DASHES_AFTER.has(i) ? '-' : '');
    }
    return id;
  }

  private grow(capacity: number): void {
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(
      from: T,
      make: new (n: number) => T,
      width = 1,
    ): T => {
      const to = new make(capacity * width);
      to.set(from);
      return to;
    };
    this.minor = grown(this.minor, Float64Array);
    this.day = grown(this.day, Int32Array);
    this.addedAt = grown(this.addedAt, Int32Array);
    this.reversedAt = grown(this.reversedAt, Int32Array);
    this.reversedDay = grown(this.reversedDay, Int32Array);
    this.flags = grown(this.flags, Uint8Array);
    this.eventIds = grown(this.eventIds, Uint8Array, 16);
  }
}
