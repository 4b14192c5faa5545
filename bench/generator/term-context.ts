import { addDays, daysBetween, minDate, Random } from './random';

export interface Envelope {
  type: string;
  commandId: string;
  data: Record<string, unknown>;
}

export interface TermPlan {
  termId: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface Village {
  villageId: string;
  name: string;
  balance: number;
  entries: { entryId: string; kind: 'receipt' | 'expenditure'; minor: number; reversed: boolean }[];
  /** Debts from before the first term still owed (存量债务), settled bit by bit. */
  oldDebts: { debtId: string; outstanding: number }[];
}

/** What every year's figures carry over from one term to the next, so a series never jumps at a term's start. */
export interface Economy {
  gdp: number;
  fiscal: number;
  /** 农民人均纯收入 in 分. */
  income: number;
  /** The first and second industry's shares in tenths of a percent. */
  primary: number;
  secondary: number;
  /** Years already reported (a year two terms share is reported once), annual and 1–9月. */
  reported: Set<string>;
  /** Whether the township's own indicators are defined yet (once, before their first report). */
  catalogued: boolean;
  /** 城乡居民医保参保率 in tenths of a percent. */
  insurance: number;
  /** Enterprises in the industrial park, and people on the subsistence allowance. */
  parkEnterprises: number;
  allowance: number;
  /** 新型职业农民培训人次 a year, and square metres of illegal building removed a year. */
  training: number;
  removal: number;
}

export const cny = (minor: number) => ({ currency: 'CNY', minor });

/**
 * One term being generated: its dates, the township's villages and economy, and the records
 * written so far, each with its business date (they are yielded in date order).
 */
export class TermContext {
  readonly last: string;
  readonly span: number;
  private readonly dated: { on: string; seq: number; envelope: Envelope }[] = [];

  constructor(
    readonly random: Random,
    readonly term: TermPlan,
    readonly today: string,
    readonly scale: number,
    readonly villages: Village[],
    readonly economy: Economy,
    readonly id: (prefix: string) => string,
  ) {
    this.last = minDate(term.endsOn, today);
    this.span = daysBetween(term.startsOn, this.last);
  }

  /** Whether anything of the term has happened by today. */
  get started(): boolean {
    return this.last >= this.term.startsOn;
  }

  /** A day between `from` and `within` days later, never after the term's last day so far. */
  day(from = this.term.startsOn, within = this.span): string {
    return addDays(from, this.random.int(0, Math.max(0, Math.min(within, daysBetween(from, this.last)))));
  }

  /** How many records of a kind: per five-year term, scaled. */
  count(perTerm: number): number {
    return Math.max(1, Math.round(perTerm * this.scale * (this.span / 1826)));
  }

  at(on: string, type: string, data: Record<string, unknown>): void {
    this.dated.push({ on, seq: this.dated.length, envelope: { type, commandId: this.id('cmd'), data } });
  }

  /** The term's commands by business date (recording order within a day). */
  inDateOrder(): Envelope[] {
    return this.dated.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.seq - b.seq)).map((item) => item.envelope);
  }
}
