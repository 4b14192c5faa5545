import { project } from '../records/testing/event-log';
import { NEXT_TERM, TERM, townshipLog } from '../records/testing/township-log';
import { summarizeTerm } from './summarize';

/** The built-in catalogue's words for the indicators the log reported without defining them. */
const BUILT_IN = {
  gdp: { name: '地区生产总值', kind: 'amount', section: 'economy' },
  fiscal: { name: '财政收入', kind: 'amount', section: 'economy' },
  income: { name: '农民人均纯收入', kind: 'amount', section: 'livelihood' },
} as const;

describe('summarizeTerm', () => {
  const store = project(townshipLog().log.events);

  it('computes every figure of the term by business date, as of the term end', async () => {
    const summary = await summarizeTerm(TERM, store, { position: '200' });

    expect(summary).toEqual({
      termId: '2008-2013',
      name: '第十五届',
      from: '2008-10-01',
      to: '2013-09-30',
      knownAt: null,
      position: '200',
      investment: {
        // I1 I2 I3 I4 I6 I7 I9; I5 terminated in the term; I8 amended out, I10 after, I11 voided
        signings: 7,
        terminated: 1,
        signed: {
          domestic: {
            CNY: 1_000_000_000 + 999_999_999 + 5_000_000_000 + 10_000_000_000 + 3_000_000_000 + 4_000_000_000,
          },
          foreign: { USD: 29_000_000 },
        },
        // I1's arrival of 2014 comes after the term
        arrived: { domestic: { CNY: 400_000_000 }, foreign: { USD: 18_000_000 } },
        // ≥10m: I1 (exactly) I3 I6 I7 I9; ≥50m: I3 (exactly) I6; ≥100m: I6 (exactly)
        bands: { atLeast10mCny: 5, atLeast50mCny: 2, atLeast100mCny: 1 },
        bySector: {
          'auto-parts': { signings: 3, signed: { CNY: 10_000_000_000 } },
          'machinery-electronics': { signings: 1, signed: { CNY: 999_999_999 } },
          services: { signings: 1, signed: { USD: 29_000_000 } },
          minerals: { signings: 1, signed: { CNY: 10_000_000_000 } },
          'agro-processing': { signings: 1, signed: { CNY: 3_000_000_000 } },
        },
        // I4 in dollars: no band is defined for USD
        unbanded: { USD: 1 },
      },
      projects: {
        registered: 6,
        byStatus: { registered: 1, 'under-construction': 1, completed: 1, accepted: 1, commissioned: 1, suspended: 1 },
        investedToDate: { CNY: 300_000_000 + 50_000_000 },
        outputs: { 'rural-road-km': 116.7, 'school-retrofit': 1 },
        oneMatterOneDiscussion: {
          projects: 2,
          plannedInvestment: { CNY: 50_000_000 },
          funding: { villagers: { CNY: 20_000_000 }, 'town-award': { CNY: 10_000_000 }, county: { CNY: 8_000_000 } },
        },
      },
      disputes: {
        registered: 5,
        resolvedByMediation: 2,
        resolvedOtherwise: 1,
        escalated: 1,
        open: 1,
        mediationSuccessRate: 0.5,
      },
      audits: {
        opened: 2,
        closed: 1,
        findings: 3,
        openFindings: 2,
        amountInvolved: { CNY: 70_000_000 },
        amountRecovered: { CNY: 20_000_000 },
      },
      villageFinance: {
        receipts: { CNY: 5_000_000 + 700_000 },
        expenditures: { CNY: 1_000_000 + 500_000 },
        debtsRegistered: { CNY: 800_000 },
        debtsSettled: { CNY: 300_000 + 100_000 },
        // DB0 (2007), nothing of it settled before the term
        debtsOutstandingAtStart: { CNY: 400_000 },
      },
      indicators: {
        gdp: {
          unit: 'CNY',
          ...BUILT_IN.gdp,
          first: { period: '2008', value: 29_000_000_000 },
          last: { period: '2012', value: 80_000_000_000 },
          ratio: 2.7586,
          target: null,
        },
        'fiscal-revenue': {
          unit: 'CNY',
          ...BUILT_IN.fiscal,
          first: { period: '2008', value: 790_000_000 },
          last: { period: '2012', value: 5_003_000_000 },
          ratio: 6.3329,
          target: {
            period: '2013',
            value: 6_500_000_000,
            reported: { period: '2013-01/2013-09', value: 5_020_000_000 },
            completion: 0.7723,
          },
        },
        // 55173 / 20000 = 2.75865, rounded half-up
        'farmer-net-income': {
          unit: 'CNY-per-capita',
          ...BUILT_IN.income,
          first: { period: '2009', value: 20_000 },
          last: { period: '2013', value: 55_173 },
          ratio: 2.7587,
          target: null,
        },
        // named by its stream's latest definition; 2 / 5 = 0.4
        'work-accidents': {
          unit: '起',
          name: '安全生产事故起数',
          kind: 'count',
          section: 'safety-stability',
          first: { period: '2009', value: 5 },
          last: { period: '2012', value: 2 },
          ratio: 0.4,
          target: null,
        },
        // never defined: no name, kind or section (a report leaves it out of its prose)
        'village-clinic': {
          unit: 'count',
          name: null,
          kind: null,
          section: null,
          first: { period: '2010', value: 12 },
          last: { period: '2010', value: 12 },
          ratio: 1,
          target: null,
        },
      },
      // P1 and P8 registered in the term, P6 before it and never started; P2 unmarked, P7 voided
      keyProjects: {
        P1: {
          name: 'project P1',
          category: 'infrastructure',
          registeredOn: '2009-03-01',
          plannedInvestment: { currency: 'CNY', minor: 500_000_000 },
          status: 'accepted',
          // the report of 2014 comes after the term
          investedToDate: { currency: 'CNY', minor: 300_000_000 },
          investedAtStart: null,
        },
        P6: {
          name: 'project P6',
          category: 'infrastructure',
          registeredOn: '2008-01-01',
          plannedInvestment: { currency: 'CNY', minor: 10_000_000 },
          status: 'registered',
          investedToDate: null,
          investedAtStart: null,
        },
        P8: {
          name: 'project P8',
          category: 'industrial',
          registeredOn: '2009-01-01',
          plannedInvestment: { currency: 'CNY', minor: 70_000_000 },
          status: 'commissioned',
          investedToDate: null,
          investedAtStart: null,
        },
      },
      // H1, and H2 on the term's last day; H3 is the next term's, H4 voided
      honours: {
        awarded: 2,
        byLevel: { national: 0, provincial: 1, municipal: 0, county: 1 },
        list: {
          H1: { title: '荣誉H1', awardedBy: '省人民政府', awardedOn: '2010-05-01', level: 'provincial' },
          H2: { title: '荣誉H2', awardedBy: '省人民政府', awardedOn: '2013-09-30', level: 'county' },
        },
      },
    });
  });

  it('counts in the next term what moved into it, and nothing of the previous term', async () => {
    const summary = await summarizeTerm(NEXT_TERM, store, { knownAt: '2024-01-01T00:00:00.000Z' });

    expect(summary).toEqual({
      termId: '2013-2018',
      name: '第十六届',
      from: '2013-10-01',
      to: '2018-09-30',
      knownAt: '2024-01-01T00:00:00.000Z',
      position: null,
      investment: {
        // I8 by its amended date, I10
        signings: 2,
        terminated: 0,
        signed: { domestic: { CNY: 13_000_000_000 }, foreign: {} },
        arrived: { domestic: {}, foreign: {} },
        bands: { atLeast10mCny: 2, atLeast50mCny: 2, atLeast100mCny: 0 },
        bySector: { 'auto-parts': { signings: 2, signed: { CNY: 13_000_000_000 } } },
        unbanded: {},
      },
      projects: {
        registered: 0,
        byStatus: { registered: 0, 'under-construction': 0, completed: 0, accepted: 0, commissioned: 0, suspended: 0 },
        investedToDate: {},
        outputs: {},
        oneMatterOneDiscussion: { projects: 0, plannedInvestment: {}, funding: {} },
      },
      // none concluded: no success rate
      disputes: {
        registered: 1,
        resolvedByMediation: 0,
        resolvedOtherwise: 0,
        escalated: 0,
        open: 1,
        mediationSuccessRate: null,
      },
      audits: { opened: 0, closed: 0, findings: 0, openFindings: 0, amountInvolved: {}, amountRecovered: {} },
      villageFinance: {
        receipts: { CNY: 1_000_000 },
        expenditures: {},
        debtsRegistered: {},
        debtsSettled: { CNY: 200_000 },
        // DB0 400,000 less 100,000 settled in 2012; DB1 800,000 less 300,000 settled in 2010
        debtsOutstandingAtStart: { CNY: 300_000 + 500_000 },
      },
      indicators: {
        gdp: {
          unit: 'CNY',
          ...BUILT_IN.gdp,
          first: { period: '2014', value: 99_000_000_000 },
          last: { period: '2014', value: 99_000_000_000 },
          ratio: 1,
          target: null,
        },
        // the 2013 target overlaps this term too
        'fiscal-revenue': {
          unit: 'CNY',
          ...BUILT_IN.fiscal,
          first: null,
          last: null,
          ratio: null,
          target: {
            period: '2013',
            value: 6_500_000_000,
            reported: { period: '2013-01/2013-09', value: 5_020_000_000 },
            completion: 0.7723,
          },
        },
        'farmer-net-income': {
          unit: 'CNY-per-capita',
          ...BUILT_IN.income,
          first: { period: '2013', value: 55_173 },
          last: { period: '2013', value: 55_173 },
          ratio: 1,
          target: null,
        },
      },
      // P6 was never started; P1 and P8 were finished before this term began
      keyProjects: {
        P6: {
          name: 'project P6',
          category: 'infrastructure',
          registeredOn: '2008-01-01',
          plannedInvestment: { currency: 'CNY', minor: 10_000_000 },
          status: 'registered',
          investedToDate: null,
          investedAtStart: null,
        },
      },
      honours: {
        awarded: 1,
        byLevel: { national: 1, provincial: 0, municipal: 0, county: 0 },
        list: { H3: { title: '荣誉H3', awardedBy: '省人民政府', awardedOn: '2013-10-01', level: 'national' } },
      },
    });
  });

  it('counts nothing when the records are empty', async () => {
    const summary = await summarizeTerm(TERM, project([]));
    expect(summary.investment).toEqual({
      signings: 0,
      terminated: 0,
      signed: { domestic: {}, foreign: {} },
      arrived: { domestic: {}, foreign: {} },
      bands: { atLeast10mCny: 0, atLeast50mCny: 0, atLeast100mCny: 0 },
      bySector: {},
      unbanded: {},
    });
    expect(summary.indicators).toEqual({});
    expect(summary.keyProjects).toEqual({});
    expect(summary.honours).toEqual({
      awarded: 0,
      byLevel: { national: 0, provincial: 0, municipal: 0, county: 0 },
      list: {},
    });
    expect(summary.disputes.mediationSuccessRate).toBeNull();
  });
});
