import {
  CLEAN_GOVERNMENT,
  DIFFICULTIES,
  HONOURS,
  NEXT_STEPS,
  PARTY_BUILDING,
  PREFACE,
  PREFACE_DRAFT,
  SAFETY,
} from './prose';
import { addDays, minDate } from './random';
import { TermContext } from './term-context';

/**
 * The township's own indicators, beyond the built-in economic ones: what a work summary says of
 * livelihood (insurance coverage, training, beneficiaries), safety and stability (work safety,
 * building enforcement, petitions) and industry (enterprises in the park). Each is defined once,
 * with its Chinese name, unit, kind and section, before its first report.
 */
const CATALOGUE = [
  {
    indicator: 'medical-insurance-rate',
    name: '城乡居民医保参保率',
    unit: 'percent',
    kind: 'rate',
    section: 'livelihood',
  },
  { indicator: 'farmer-training', name: '新型职业农民培训人次', unit: '人次', kind: 'count', section: 'livelihood' },
  { indicator: 'subsistence-allowance', name: '城乡低保保障人数', unit: '人', kind: 'count', section: 'livelihood' },
  { indicator: 'work-accidents', name: '安全生产事故起数', unit: '起', kind: 'count', section: 'safety-stability' },
  {
    indicator: 'illegal-buildings-removed',
    name: '拆除违法建筑面积',
    unit: '平方米',
    kind: 'quantity',
    section: 'safety-stability',
  },
  { indicator: 'petitions', name: '受理信访事项', unit: '件', kind: 'count', section: 'safety-stability' },
  { indicator: 'park-enterprises', name: '园区入驻企业', unit: '家', kind: 'count', section: 'industry' },
] as const;

/**
 * Each year's values of the township's own indicators, reported with the year's statistics in
 * January (and, for the counts a progress report compares, for 1–9月 in October): coverage creeping
 * towards full, fewer accidents and petitions as the years go, more enterprises in the park.
 */
export const themeIndicators = (t: TermContext): void => {
  const { random, economy } = t;
  if (!economy.catalogued) {
    for (const definition of CATALOGUE) t.at(t.term.startsOn, 'DefineIndicator', { ...definition });
    economy.catalogued = true;
  }
  const report = (on: string, indicator: string, period: string, value: number, unit: string) =>
    t.at(on, 'ReportIndicator', { indicator, period, value, unit });
  const startYear = Number(t.term.startsOn.slice(0, 4));
  const endYear = Number(t.last.slice(0, 4));
  for (let year = startYear; year <= endYear; year++) {
    const key = `themes-${year}`;
    const annualOn = `${year + 1}-01-20`;
    const threeQuartersOn = `${year}-10-20`;
    if (economy.reported.has(key) || threeQuartersOn > t.today) continue;
    economy.reported.add(key);
    const threeQuarters = `${year}-01/${year}-09`;
    const accidents = random.int(0, 4);
    const petitions = random.int(25, 60);
    // Training and enforcement grow as the programmes do; a year may still fall short of the last.
    economy.training = Math.max(200, economy.training + random.int(-3, 9) * 10);
    economy.removal = Math.round((economy.removal * random.int(95, 130)) / 100);
    const training = economy.training;
    report(threeQuartersOn, 'work-accidents', threeQuarters, Math.max(0, accidents - 1), '起');
    report(threeQuartersOn, 'petitions', threeQuarters, Math.round((petitions * 3) / 4), '件');
    report(threeQuartersOn, 'farmer-training', threeQuarters, Math.round((training * 7) / 10), '人次');
    if (annualOn > t.today) continue;
    economy.insurance = Math.min(995, economy.insurance + random.int(2, 9));
    economy.parkEnterprises += random.int(2, 7);
    economy.allowance = Math.max(300, economy.allowance - random.int(10, 40));
    report(annualOn, 'medical-insurance-rate', String(year), economy.insurance / 10, 'percent');
    report(annualOn, 'farmer-training', String(year), training, '人次');
    report(annualOn, 'subsistence-allowance', String(year), economy.allowance, '人');
    report(annualOn, 'work-accidents', String(year), accidents, '起');
    report(annualOn, 'illegal-buildings-removed', String(year), economy.removal, '平方米');
    report(annualOn, 'petitions', String(year), petitions, '件');
    report(annualOn, 'park-enterprises', String(year), economy.parkEnterprises, '家');
  }
};

/** An honour's level: one in ten national, then ever more common down to the county's. */
const level = (draw: number) =>
  draw === 1 ? 'national' : draw <= 3 ? 'provincial' : draw <= 6 ? 'municipal' : ('county' as const);

/** Honours of the term, more of them from the county than from the nation, each a title it fits. */
export const honours = (t: TermContext): void => {
  const { random } = t;
  const count = Math.round(random.int(4, 7) * (t.span / 1826));
  const given = new Set<string>();
  for (let i = 0; i < count; i++) {
    const honourLevel = level(random.int(1, 10));
    const honour = random.pick(HONOURS[honourLevel]);
    if (given.has(honour.title)) continue;
    given.add(honour.title);
    const awardedOn = t.day();
    t.at(awardedOn, 'RecordHonour', {
      honourId: t.id(`RY-${t.term.termId.slice(0, 4)}`),
      title: honour.title,
      awardedBy: honour.by,
      awardedOn,
      level: honourLevel,
    });
  }
};

const text = (paragraphs: readonly string[]) => paragraphs.join('\n\n');

/**
 * The prose of a term that has ended, written in the weeks after it: the preface (a draft first,
 * then the final text, which replaces it), Party building, clean government, safety and stability,
 * the difficulties and the next steps.
 */
export const reportProse = (t: TermContext): void => {
  if (t.term.endsOn > t.today) return;
  const on = minDate(addDays(t.term.endsOn, 20), t.today);
  const write = (section: string, paragraphs: readonly string[]) =>
    t.at(on, 'WriteReportSection', { termId: t.term.termId, section, text: text(paragraphs) });
  write('preface', [PREFACE_DRAFT]);
  write('party-building', PARTY_BUILDING);
  write('clean-government', CLEAN_GOVERNMENT);
  write('safety-stability', SAFETY);
  write('difficulties', DIFFICULTIES);
  write('next-steps', NEXT_STEPS);
  write('preface', PREFACE);
};
