import { CommandRecorder } from './support/recorder';
import { startTestApp, TestApp } from './support/test-app';
import { recordTownshipTerm, TERM } from './support/township-term';

/**
 * The whole term summary of a realistic term (test/support/township-term.ts), recorded over HTTP,
 * against figures worked out by hand. Amounts below are written in yuan (or dollars) × 100 = fen
 * (or cents), the minor units the summary counts.
 */
describe('the term summary of a whole term, recorded over HTTP', () => {
  let t: TestApp;
  let summary: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    await recordTownshipTerm(new CommandRecorder(t));
    summary = (await t.get(`/api/v1/terms/${TERM.termId}/summary`).expect(200)).body;
  });
  afterAll(() => t.close());

  it('names the term, as known now', () => {
    expect(summary).toMatchObject({
      termId: '2008-2013',
      name: '第十五届',
      from: '2008-10-01',
      to: '2013-09-30',
      knownAt: null,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(Object.keys(summary).sort()).toEqual(
      [
        'termId',
        'name',
        'from',
        'to',
        'knownAt',
        'position',
        'investment',
        'projects',
        'disputes',
        'audits',
        'villageFinance',
        'indicators',
        'keyProjects',
        'honours',
      ].sort(),
    );
  });

  it('counts the investment signings', () => {
    expect(summary.investment).toEqual({
      // ZS-2009-014, ZS-2011-003, ZS-2010-007, and ZS-2013-005 (terminated only 2013-12-12, after
      // the end); ZS-2012-020 terminated on 2013-03-01, in the term; ZS-2012-099 voided.
      signings: 4,
      terminated: 1,
      signed: {
        // 120,000,000 + 60,000,000 (ZS-2010-007 as amended from 20,000,000) + 15,000,000 yuan
        domestic: { CNY: (120_000_000 + 60_000_000 + 15_000_000) * 100 },
        foreign: { USD: 2_900_000 * 100 },
      },
      // ZS-2009-014 60,000,000 + ZS-2013-005 5,000,000; ZS-2009-014's second arrival (2014-01-01) is after the term.
      arrived: { domestic: { CNY: (60_000_000 + 5_000_000) * 100 }, foreign: { USD: 1_800_000 * 100 } },
      // 120m is in all three bands, the amended 60m in the first two, 15m in the first; USD is never banded.
      bands: { atLeast10mCny: 3, atLeast50mCny: 2, atLeast100mCny: 1 },
      bySector: {
        'auto-parts': { signings: 1, signed: { CNY: 120_000_000 * 100 } },
        'electrical-equipment': { signings: 1, signed: { USD: 2_900_000 * 100 } },
        'agro-processing': { signings: 1, signed: { CNY: 60_000_000 * 100 } },
        services: { signings: 1, signed: { CNY: 15_000_000 * 100 } }, // ZS-2013-005; not the terminated ZS-2012-020
      },
      // ZS-2011-003, signed in dollars: no band is defined for USD, so it is counted here
      unbanded: { USD: 1 },
    });
  });

  it('counts the projects by their status at the end of the term', () => {
    expect(summary.projects).toEqual({
      // XM-01..XM-24, XM-TS, XM-FY, XM-YS and YS-1..YS-5; not XM-PRE (2008-06), XM-POST and
      // YS-6 (after the end), nor the voided XM-VOID.
      registered: 24 + 3 + 5,
      byStatus: {
        registered: 4, // XM-01, 07, 13, 19 (k % 6 == 0: only agreement-signed)
        'under-construction': 4 + 1 + 1, // k % 6 == 1; XM-FY (suspended, resumed); YS-5
        completed: 4 + 1 + 1, // k % 6 == 2; XM-YS (accepted 2013-10-25, after the end); YS-4
        accepted: 4 + 4 + 3, // k % 6 == 3; k % 6 == 5 (commissioned, then accepted); YS-1..3
        commissioned: 4, // k % 6 == 4
        suspended: 1, // XM-TS
      },
      // Generated: (k + 1) × 800,000 yuan for every k with k % 6 != 0:
      //   Σ(1..24) − (1 + 7 + 13 + 19) = 300 − 40 = 260 → 208,000,000 yuan,
      //   XM-03 corrected from 2,400,000 down to 2,300,000 → 207,900,000,
      //   XM-02's report of 2013-12-31 is after the end, its 1,600,000 stands;
      // + XM-TS 1,500,000 + YS-1 400,000 = 209,800,000 yuan.
      investedToDate: { CNY: 209_800_000 * 100 },
      outputs: {
        'rural-road-km': 116.7, // 3 × 38.9 (YS-1..3); YS-1's 2.5 of 2013-11-11 and XM-VOID's 5 do not count
        'reservoir-reinforced': 2, // XM-05 and YS-4
        'school-retrofit': 1, // XM-03
      },
      oneMatterOneDiscussion: {
        projects: 5, // YS-1..YS-5 (YS-6 is after the end)
        plannedInvestment: { CNY: (400_000 + 400_000 + 420_000 + 120_000 + 80_000) * 100 }, // 1,420,000 yuan
        funding: {
          villagers: { CNY: (150_000 + 150_000 + 170_000 + 40_000 + 30_000) * 100 }, // 540,000
          'town-award': { CNY: (250_000 * 3 + 60_000 + 50_000) * 100 }, // 860,000
          county: { CNY: 20_000 * 100 }, // YS-4
        },
      },
    });
  });

  it('counts 300 disputes by their conclusion at the end of the term', () => {
    // Of i = 0..299: i % 30 == 28 received after the term, i % 30 == 29 before it: 10 + 10 out,
    // 280 in (both outside patterns have i % 10 in {8, 9}, so only mediated ones are lost).
    //   escalated          i % 10 == 0                              30
    //   resolvedOtherwise  i % 10 == 1 (withdrawn or other)         30
    //   open               i % 10 == 2: 30, plus i % 50 == 3
    //                      (3, 53, …, 253: resolved 2013-10-15): 6   36
    //   by mediation       i % 10 in 3..9: 210 − 6 − 20 outside    184
    // JF-VOID (resolved by mediation, then voided) counts nowhere.
    // Success rate: 184 / (184 + 30 + 30) = 184 / 244 = 0.754098… → 0.7541
    expect(summary.disputes).toEqual({
      registered: 280,
      resolvedByMediation: 184,
      resolvedOtherwise: 30,
      escalated: 30,
      open: 36,
      mediationSuccessRate: 0.7541,
    });
  });

  it('counts the audits opened in the term, with rectifications as of its end', () => {
    // SJ-2009-01 (closed 2009-07-01), SJ-2011-02 (closed 2014-01-10: after the end),
    // SJ-2012-03 (closed 2012-06-01); SJ-2008-00 opened before the term, SJ-VOID voided.
    expect(summary.audits).toEqual({
      opened: 3,
      closed: 2,
      findings: 2 + 2 + 3,
      // SJ-2011-02 F1 (rectified 2013-12-01, after the end), SJ-2011-02 F2, SJ-2012-03 F3
      openFindings: 3,
      // 120,000 + 5,000 + 800,000 + 30,000 + 50,000 yuan (the info and the F3 findings name none)
      amountInvolved: { CNY: 1_005_000 * 100 },
      // 100,000 + 5,000 + 20,000; SJ-2011-02 F1's 600,000 came after the end
      amountRecovered: { CNY: 125_000 * 100 },
    });
  });

  it('sums the village cash books and debts of the term', () => {
    expect(summary.villageFinance).toEqual({
      // DC-R1 500,000 + DC-R2 120,000 + DC-R3 10,000 (reversed only 2013-11-05, after the end)
      // + XC-R1 300,000; DC-R0 (2008-09-20) and DC-R4 (2013-10-08) are outside.
      receipts: { CNY: (500_000 + 120_000 + 10_000 + 300_000) * 100 },
      // DC-E1 200,000 + DC-E3 15,000 (on the last day) + XC-E1 100,000; DC-E2 reversed in the term.
      expenditures: { CNY: (200_000 + 15_000 + 100_000) * 100 },
      // DC-D1 200,000 + XC-D1 10,000; DC-D0 was incurred before the term.
      debtsRegistered: { CNY: (200_000 + 10_000) * 100 },
      // DC-D0 60,000 (repaid in the term) + DC-D1 50,000 repaid + 30,000 written off
      // + 20,000 restructured; DC-D1's 40,000 of 2013-12-01 is after the end.
      debtsSettled: { CNY: (60_000 + 50_000 + 30_000 + 20_000) * 100 },
      // 存量: DC-D0 (2008-05-01), nothing of it settled before the term's first day
      debtsOutstandingAtStart: { CNY: 60_000 * 100 },
    });
  });

  it('takes first, last and ratio of each indicator, and the latest target with its completion', () => {
    expect(summary.indicators).toEqual({
      // Years overlapping the term: 2008..2013. 2007 is outside; 2013-01/2013-06 is no YYYY year.
      // 2012 revised from 5,400,000,000 to 5,517,300,000: 5,517,300,000 / 2,000,000,000 = 2.75865 → 2.7587 (half up)
      gdp: {
        unit: 'CNY',
        // the built-in catalogue's words: never defined in this log
        name: '地区生产总值',
        kind: 'amount',
        section: 'economy',
        first: { period: '2008', value: 2_000_000_000 },
        last: { period: '2012', value: 5_517_300_000 },
        ratio: 2.7587,
        target: null,
      },
      'fiscal-revenue': {
        unit: 'CNY',
        name: '财政收入',
        kind: 'amount',
        section: 'economy',
        first: { period: '2008', value: 790_000_000 },
        last: { period: '2012', value: 5_003_000_000 },
        ratio: 6.3329, // 5,003,000,000 / 790,000,000 = 6.332911…
        // The 2013 target raised to 2,000,000,000 (the later 2014 one lies outside the term).
        // Inside 2013: 01/06, 07/09 and 01/09; the latest end is September, 01/09 the longer one.
        // 1,544,700,000 / 2,000,000,000 = 0.77235 → 0.7724 (half up)
        target: {
          period: '2013',
          value: 2_000_000_000,
          reported: { period: '2013-01/2013-09', value: 1_544_700_000 },
          completion: 0.7724,
        },
      },
      // 41.3 / 32.5 = 1.270769… → 1.2708
      'urbanization-rate': {
        unit: 'percent',
        // as its DefineIndicator says
        name: '城镇化率',
        kind: 'rate',
        section: 'economy',
        first: { period: '2009', value: 32.5 },
        last: { period: '2012', value: 41.3 },
        ratio: 1.2708,
        target: null,
      },
      // farmer-net-income was voided: absent.
    });
  });

  it('is the same summary when asked again and when asked as known now', async () => {
    expect((await t.get(`/api/v1/terms/${TERM.termId}/summary`).expect(200)).body).toEqual(summary);
    const now = new Date().toISOString();
    const known = (await t.get(`/api/v1/terms/${TERM.termId}/summary?knownAt=${now}`).expect(200)).body;
    expect(known).toEqual({ ...summary, knownAt: now });
  });
});
