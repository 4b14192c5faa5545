import { BUILT_IN_INDICATORS } from '@sunshine/domain';
import type { EventRef, HonourFigures, ReportDetails, TermSummary, TracedSummary } from '@sunshine/projections';
import type { LogState } from '../stamp';

/** What the summary says of a built-in indicator: its name, kind and section from the catalogue. */
export const builtIn = (code: string) => {
  const { name, kind, section } = BUILT_IN_INDICATORS[code];
  return { name, kind, section };
};

/** An indicator code nothing defines. */
export const undefinedIndicator = { name: null, kind: null, section: null };

const noHonours = (): HonourFigures => ({
  awarded: 0,
  byLevel: { national: 0, provincial: 0, municipal: 0, county: 0 },
  list: {},
});

/** A term summary in the shape of docs/api.md#term-summary (a 2008–2013 term), as the report's specs read it. */
export const contractSummary = (): TermSummary => ({
  termId: '2008-2013',
  name: '第五届镇人民政府',
  from: '2008-10-01',
  to: '2013-09-30',
  knownAt: null,
  position: '81234',
  investment: {
    signings: 25,
    terminated: 0,
    signed: { domestic: { CNY: 170000000000 }, foreign: { USD: 2900000000 } },
    arrived: { domestic: { CNY: 90000000000 }, foreign: { USD: 1800000000 } },
    bands: { atLeast10mCny: 15, atLeast50mCny: 7, atLeast100mCny: 3 },
    bySector: { 'auto-parts': { signings: 9, signed: { CNY: 52000000000 } } },
    unbanded: { USD: 2 },
  },
  projects: {
    registered: 120,
    byStatus: { registered: 3, 'under-construction': 5, completed: 40, accepted: 70, commissioned: 2, suspended: 0 },
    investedToDate: { CNY: 65000000000 },
    outputs: { 'rural-road-km': 116.7 },
    oneMatterOneDiscussion: {
      projects: 81,
      plannedInvestment: { CNY: 1200000000 },
      funding: { villagers: { CNY: 130000000 }, 'town-award': { CNY: 50000000 } },
    },
  },
  disputes: {
    registered: 500,
    resolvedByMediation: 475,
    resolvedOtherwise: 5,
    escalated: 20,
    open: 0,
    mediationSuccessRate: 0.95,
  },
  audits: {
    opened: 12,
    closed: 11,
    findings: 30,
    openFindings: 2,
    amountInvolved: { CNY: 70000000 },
    amountRecovered: { CNY: 40000000 },
  },
  villageFinance: {
    receipts: { CNY: 8100000000 },
    expenditures: { CNY: 4800000000 },
    debtsRegistered: { CNY: 80000000 },
    debtsSettled: { CNY: 60000000 },
    debtsOutstandingAtStart: { CNY: 150_000_000 },
  },
  indicators: {
    gdp: {
      unit: 'CNY',
      ...builtIn('gdp'),
      first: { period: '2008', value: 29000000000 },
      last: { period: '2012', value: 80000000000 },
      ratio: 2.7586,
      target: null,
    },
    'fiscal-revenue': {
      unit: 'CNY',
      ...builtIn('fiscal-revenue'),
      first: { period: '2008', value: 790000000 },
      last: { period: '2012', value: 5003000000 },
      ratio: 6.3329,
      target: {
        period: '2013',
        value: 6500000000,
        reported: { period: '2013-01/2013-09', value: 5020000000 },
        completion: 0.7723,
      },
    },
  },
  keyProjects: {},
  honours: noHonours(),
});

/** A summary of a term in which nothing was recorded. */
export const emptySummary = (): TermSummary => ({
  termId: '2031-2036',
  name: '第十届镇人民政府',
  from: '2031-10-01',
  to: '2036-09-30',
  knownAt: null,
  position: null,
  investment: {
    signings: 0,
    terminated: 0,
    signed: { domestic: {}, foreign: {} },
    arrived: { domestic: {}, foreign: {} },
    bands: { atLeast10mCny: 0, atLeast50mCny: 0, atLeast100mCny: 0 },
    bySector: {},
    unbanded: {},
  },
  projects: {
    registered: 0,
    byStatus: { registered: 0, 'under-construction': 0, completed: 0, accepted: 0, commissioned: 0, suspended: 0 },
    investedToDate: {},
    outputs: {},
    oneMatterOneDiscussion: { projects: 0, plannedInvestment: {}, funding: {} },
  },
  disputes: {
    registered: 0,
    resolvedByMediation: 0,
    resolvedOtherwise: 0,
    escalated: 0,
    open: 0,
    mediationSuccessRate: null,
  },
  audits: { opened: 0, closed: 0, findings: 0, openFindings: 0, amountInvolved: {}, amountRecovered: {} },
  villageFinance: {
    receipts: {},
    expenditures: {},
    debtsRegistered: {},
    debtsSettled: {},
    debtsOutstandingAtStart: {},
  },
  indicators: {},
  keyProjects: {},
  honours: noHonours(),
});

/**
 * Evidence made up from the path, deterministic: `count` events in a stream named after the
 * path's first key, so a spec can tell which figure a reference belongs to.
 */
export const fakeEvidence =
  (count: (path: string) => number = () => 3) =>
  async (path: string): Promise<EventRef[]> =>
    Array.from({ length: count(path) }, (_, i) => ({
      eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      stream: `${path.split('.')[0]}-${i}`,
      revision: i % 4,
      position: String(i + 1),
      type: 'Recorded',
      occurredOn: '2010-01-01',
      recordedAt: '2010-01-01T00:00:00.000Z',
    }));

const ref = (stream: string, revision = 0, position = 1): EventRef => ({
  eventId: `${stream}@${revision}`,
  stream,
  revision,
  position: String(position),
  type: 'Recorded',
  occurredOn: '2010-01-01',
  recordedAt: '2010-01-01T00:00:00.000Z',
});

const counted = (count: number, stream: string) => ({ count, events: [ref(stream)] });

/** Details to go with the contract's summary: a 6.5亿元 key project among others, escalations, case types. */
export const contractDetails = (): ReportDetails => ({
  projects: {
    byCategory: {
      industrial: counted(12, 'project-I'),
      infrastructure: counted(20, 'project-F'),
      'public-service': counted(7, 'project-P'),
      'one-matter-one-discussion': counted(81, 'project-O'),
    },
    largest: [
      {
        projectId: 'XM-01',
        name: '县乡供水一体化工程',
        category: 'infrastructure',
        plannedInvestment: { currency: 'CNY', minor: 65_000_000_000 },
        status: 'under-construction',
        investedToDate: { currency: 'CNY', minor: 32_000_000_000 },
        events: [ref('project-XM-01', 0, 10), ref('project-XM-01', 1, 20)],
      },
      {
        projectId: 'XM-02',
        name: '工业园区标准厂房',
        category: 'industrial',
        plannedInvestment: { currency: 'CNY', minor: 12_000_000_000 },
        status: 'commissioned',
        investedToDate: { currency: 'CNY', minor: 12_000_000_000 },
        events: [ref('project-XM-02', 0, 11)],
      },
      {
        projectId: 'XM-03',
        name: '镇中心小学教学楼',
        category: 'public-service',
        plannedInvestment: { currency: 'CNY', minor: 3_000_000_000 },
        status: 'accepted',
        investedToDate: null,
        events: [ref('project-XM-03', 0, 12)],
      },
    ],
  },
  disputes: {
    byCategory: {
      neighbour: counted(180, 'dispute-N'),
      'marriage-family': counted(120, 'dispute-M'),
      'housing-homestead': counted(90, 'dispute-H'),
      labour: counted(110, 'dispute-L'),
    },
    escalatedTo: {
      county: counted(12, 'dispute-C'),
      court: counted(5, 'dispute-J'),
      arbitration: counted(3, 'dispute-A'),
    },
  },
  villageFinance: {
    expendituresByCategory: {
      'public-works': { amount: { CNY: 2_100_000_000 }, events: [ref('village-V1/entry/E1')] },
      welfare: { amount: { CNY: 600_000_000 }, events: [ref('village-V1/entry/E2')] },
      administration: { amount: { CNY: 900_000_000 }, events: [ref('village-V1/entry/E3')] },
    },
  },
  prose: {},
});

/** Details of a span in which nothing was recorded. */
export const emptyDetails = (): ReportDetails => ({
  projects: { byCategory: {}, largest: [] },
  disputes: { byCategory: {}, escalatedTo: {} },
  villageFinance: { expendituresByCategory: {} },
  prose: {},
});

/** A summary traced as ReadSide answers it, with evidence made up from each figure's path (3 events each). */
export const traced = (summary: TermSummary, details: ReportDetails = contractDetails()): TracedSummary => ({
  summary,
  details,
  evidence: (figure) => ({ figure, value: undefined, events: fakeEventsOf(figure, 3) }),
  records: () => undefined,
  contributions: [],
});

const fakeEventsOf = (path: string, count: number): EventRef[] =>
  Array.from({ length: count }, (_, i) => ({
    eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    stream: `${path.split('.')[0]}-${i}`,
    revision: i % 4,
    position: String(i + 1),
    type: 'Recorded',
    occurredOn: '2010-01-01',
    recordedAt: '2010-01-01T00:00:00.000Z',
  }));

/** A log state with a signed checkpoint, as the integrity service tells it. */
export const LOG_STATE: LogState = {
  treeSize: 81234,
  rootHex: 'a'.repeat(64),
  checkpoint: {
    treeSize: 81000,
    rootHex: 'b'.repeat(64),
    note: 'sunshine-ledger/示范镇\n81000\nu7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7s=\n\n— sunshine-ledger/示范镇 4AbCdEfG0123456789+/=\n',
    signedAt: '2013-10-07T16:00:00.000Z',
  },
};
