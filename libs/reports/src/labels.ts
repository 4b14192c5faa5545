/** How the work summary names the codes of the log; a code without a name is shown as recorded. */

const SECTORS: Record<string, string> = {
  'auto-parts': '汽车零部件',
  'machinery-electronics': '机械电子',
  'electrical-equipment': '电气设备',
  'agro-processing': '农产品加工',
  minerals: '矿产资源',
  services: '现代服务业',
  other: '其他行业',
};

export const sectorName = (sector: string): string => SECTORS[sector] ?? sector;

/** A project's status as of the term's end, in the order a report lists them (furthest along first). */
export const PROJECT_STATUSES = [
  ['commissioned', '建成投用'],
  ['accepted', '竣工验收'],
  ['completed', '完工待验收'],
  ['under-construction', '在建'],
  ['suspended', '暂停建设'],
  ['registered', '尚未开工'],
] as const;

interface Metric {
  /** the sentence's words around the quantity: `${before} ${quantity} ${unit}` */
  before: string;
  unit: string;
}

const METRICS: Record<string, Metric> = {
  'rural-road-km': { before: '新建改建农村公路', unit: '公里' },
  'reservoir-reinforced': { before: '除险加固水库', unit: '座' },
  'school-retrofit': { before: '改造校舍', unit: '所' },
};

export const metricOf = (metric: string): Metric => METRICS[metric] ?? { before: `完成「${metric}」`, unit: '' };

const FUNDING_SOURCES: Record<string, string> = {
  villagers: '群众自筹',
  'town-award': '镇财政奖补',
  town: '镇财政投入',
  county: '县级以上补助',
  enterprise: '企业出资',
  other: '其他来源',
};

/** Funding sources in the order a report states them: the villagers' own share first. */
export const FUNDING_ORDER = ['villagers', 'town-award', 'town', 'county', 'enterprise', 'other'];

export const fundingSourceName = (source: string): string => FUNDING_SOURCES[source] ?? `「${source}」`;

const INDICATORS: Record<string, string> = {
  gdp: '地区生产总值',
  'fiscal-revenue': '财政收入',
  'fixed-asset-investment': '固定资产投资',
  'industrial-output': '工业总产值',
  'agricultural-output': '农业总产值',
  'farmer-net-income': '农民人均纯收入',
};

/** Indicators in the order a report states them; others follow by code. */
export const INDICATOR_ORDER = Object.keys(INDICATORS);

export const indicatorName = (code: string): string => INDICATORS[code] ?? `「${code}」`;
