/**
 * The report's own phrasing around the codes of the log. The words for codes themselves come
 * from the one dictionary, VOCABULARY (libs/domain), shared with the web app and the registers;
 * what stays here is how a sentence uses them (order, the verb before a quantity, its unit).
 */
import { hasWordFor, wordFor } from '@sunshine/domain';

/** Project statuses as of a span's end, in the order a report lists them (furthest along first). */
export const PROJECT_STATUS_ORDER = [
  'commissioned',
  'accepted',
  'completed',
  'under-construction',
  'suspended',
  'registered',
] as const;

/** Project categories in the order a report lists them. */
export const PROJECT_CATEGORY_ORDER = ['industrial', 'infrastructure', 'public-service', 'other'] as const;

interface MetricPhrase {
  /** the words before the quantity: `${verb}${quantity}${unit}` */
  verb: string;
  unit: string;
}

/** How a report states an output: "新建改建农村公路116.7公里". Metrics without a phrase stay out of the prose. */
const METRIC_PHRASES: Record<string, MetricPhrase> = {
  'rural-road-km': { verb: '新建改建农村公路', unit: '公里' },
  'reservoir-reinforced': { verb: '除险加固水库', unit: '座' },
  'school-retrofit': { verb: '改造校舍', unit: '所' },
};

export const metricPhrase = (metric: string): MetricPhrase | undefined =>
  Object.hasOwn(METRIC_PHRASES, metric) ? METRIC_PHRASES[metric] : undefined;

/** Funding sources in the order a report states them: the villagers' own share first. */
export const FUNDING_ORDER = ['villagers', 'town-award', 'town', 'county', 'enterprise', 'other'];

/** Codes in a report's order: those listed first, in that order, then the rest by code. */
export const inOrder = (codes: Iterable<string>, order: readonly string[]): string[] =>
  [...codes].sort(
    (a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999) || (a < b ? -1 : a > b ? 1 : 0),
  );

/** A code a clerk typed (a sector, a metric) looks like this; free Chinese text does not. */
const CODE_LIKE = /^[\x21-\x7e]+$/;

/**
 * A sector as the report names it: the dictionary's word, or the clerk's own words when they are
 * words (free text such as 新能源). A code the dictionary does not know is undefined: it stays out
 * of the prose (the evidence edition lists it), never printed raw.
 */
export const sectorWord = (sector: string): string | undefined =>
  hasWordFor('sector', sector) ? wordFor('sector', sector) : CODE_LIKE.test(sector) ? undefined : sector;
