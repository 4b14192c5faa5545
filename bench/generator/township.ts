import { VILLAGE_NAMES } from './names';
import { Random } from './random';
import { audits, indicators, oldDebts, villageBooks } from './term-books';
import { Economy, Envelope, TermContext, TermPlan, Village } from './term-context';
import { disputes, investments, projects } from './term-records';
import { honours, reportProse, themeIndicators } from './term-themes';

export type { Envelope, TermPlan } from './term-context';

export interface TownshipOptions {
  seed?: number;
  /** Multiplies every kind of record; 1 is a small township's term (about 1,700 commands). */
  scale?: number;
  terms?: TermPlan[];
  villages?: number;
  /** No business date after this one (the generator's "today"). */
  today?: string;
}

export const DEMO_TERMS: TermPlan[] = [
  { termId: '2021-2026', name: '第八届镇人民政府', startsOn: '2021-10-01', endsOn: '2026-09-30' },
  { termId: '2026-2031', name: '第九届镇人民政府', startsOn: '2026-10-01', endsOn: '2031-09-30' },
];

/** Terms reaching back in time, newest last, for large generated logs. */
export const historicTerms = (count: number): TermPlan[] =>
  Array.from({ length: count }, (_, i) => {
    const start = 2026 - 5 * (count - i);
    return {
      termId: `${start}-${start + 5}`,
      name: `第${i + 1}届`,
      startsOn: `${start}-10-01`,
      endsOn: `${start + 5}-09-30`,
    };
  });

/**
 * A believable township, deterministic from its seed: terms, villages, investments, projects
 * (a large key project or two each term, marked key), disputes, audits, cash books, indicators
 * (the township's own defined beside the built-in ones), honours and a finished term's prose, every
 * command valid against the domain's rules and ordered by business date. Yields command
 * envelopes, one event each.
 */
export function* generateTownship(options: TownshipOptions = {}): Generator<Envelope> {
  const random = new Random(options.seed ?? 20260928);
  const scale = options.scale ?? 1;
  const terms = options.terms ?? DEMO_TERMS;
  const today = options.today ?? '2026-11-27';
  const villageCount = options.villages ?? 12;
  let sequence = 0;
  const id = (prefix: string) => `${prefix}-${String(++sequence).padStart(7, '0')}`;

  const villages: Village[] = Array.from({ length: villageCount }, (_, i) => ({
    villageId: `V${String(i + 1).padStart(3, '0')}`,
    name:
      i < VILLAGE_NAMES.length
        ? VILLAGE_NAMES[i]
        : `${VILLAGE_NAMES[i % VILLAGE_NAMES.length]}${Math.floor(i / VILLAGE_NAMES.length) + 1}`,
    balance: 0,
    entries: [],
    oldDebts: [],
  }));
  const economy: Economy = {
    gdp: random.int(15, 40) * 10_000_000_000, // 15–40亿元
    fiscal: random.int(5, 20) * 1_000_000_000, // 5000万–2亿元
    income: random.int(18_000, 26_000) * 100,
    primary: random.int(180, 250),
    secondary: random.int(400, 500),
    reported: new Set(),
    catalogued: false,
    insurance: random.int(900, 950),
    parkEnterprises: random.int(8, 20),
    allowance: random.int(600, 900),
    training: random.int(30, 60) * 10,
    removal: random.int(300, 800) * 10,
  };
  for (const v of villages)
    yield { type: 'RegisterVillage', commandId: id('cmd'), data: { villageId: v.villageId, name: v.name } };
  if (terms.length > 0) yield* oldDebts(random, villages, terms[0].startsOn, id);
  for (const term of terms) yield { type: 'OpenTerm', commandId: id('cmd'), data: { ...term } };

  for (const [index, term] of terms.entries()) {
    const t = new TermContext(random, term, today, scale, villages, economy, id);
    if (!t.started) continue;
    investments(t);
    projects(t, index);
    disputes(t);
    audits(t);
    villageBooks(t);
    indicators(t);
    themeIndicators(t);
    honours(t);
    reportProse(t);
    yield* t.inDateOrder();
  }
}
