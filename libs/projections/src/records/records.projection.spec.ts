import { EventStore, StoredEvent } from '@sunshine/event-store';
import { MemoryProjectionStore } from '../memory/memory-projection-store';
import { ProjectionRunner } from '../runner/projection-runner';
import {
  AuditDoc,
  DebtDoc,
  DisputeDoc,
  EntryDoc,
  EventRef,
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  TermDoc,
  VillageDoc,
} from './record-docs';
import { recordsProjection } from './records.projection';
import { EventLog, project } from './testing/event-log';
import { townshipLog } from './testing/township-log';

const ref = (event: StoredEvent): EventRef => ({
  eventId: event.eventId,
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  type: event.type,
  occurredOn: event.metadata.occurredOn,
  recordedAt: event.metadata.recordedAt,
});

describe('records projection', () => {
  const {
    log,
    terms,
    villages,
    investment: i,
    project: p,
    dispute: d,
    audit: a,
    village: v,
    indicator: ind,
  } = townshipLog();
  const store = project(log.events);

  it('keeps a term by its id', () => {
    expect(store.getSync<TermDoc>('term/2008-2013')).toEqual({
      termId: '2008-2013',
      name: '第十五届',
      startsOn: '2008-10-01',
      endsOn: '2013-09-30',
      refs: [ref(terms.first)],
    });
  });

  it('keeps an investment by its stream, as amended, with its dated arrivals and termination', async () => {
    expect(store.getSync<InvestmentDoc>('investment-I9')).toEqual({
      stream: 'investment-I9',
      voided: false,
      investmentId: 'I9',
      investor: 'investor I9',
      sector: 'auto-parts',
      origin: 'domestic',
      amount: { currency: 'CNY', minor: 4_000_000_000 },
      signedOn: '2009-06-18',
      arrivals: [],
      refs: [ref(i.i9), ref(i.i9amendment)],
    });
    const i1 = store.getSync<InvestmentDoc>('investment-I1');
    expect(i1?.arrivals).toEqual([
      { amount: { currency: 'CNY', minor: 400_000_000 }, arrivedOn: '2010-01-01', eventId: i.i1arrival.eventId },
      { amount: { currency: 'CNY', minor: 300_000_000 }, arrivedOn: '2014-01-01', eventId: i.i1lateArrival.eventId },
    ]);
    expect(store.getSync<InvestmentDoc>('investment-I5')?.termination).toEqual({
      terminatedOn: '2011-01-01',
      reason: 'investor withdrew',
      eventId: i.i5termination.eventId,
    });
    const keys: string[] = [];
    for await (const doc of store.scan<InvestmentDoc>('investment')) keys.push(doc.stream);
    expect(keys).toEqual([
      'investment-I1',
      'investment-I10',
      'investment-I11',
      'investment-I2',
      'investment-I3',
      'investment-I4',
      'investment-I5',
      'investment-I6',
      'investment-I7',
      'investment-I8',
      'investment-I9',
    ]);
  });

  it('marks a voided record and keeps it', () => {
    const voided = store.getSync<InvestmentDoc>('investment-I11');
    expect(voided?.voided).toBe(true);
    expect(voided?.refs).toEqual([ref(i.i11), ref(i.i11void)]);
    expect(store.getSync<ProjectDoc>('project-P7')?.voided).toBe(true);
  });

  it('keeps a project with dated milestones, progress and outputs', () => {
    expect(store.getSync<ProjectDoc>('project-P4')).toEqual({
      stream: 'project-P4',
      voided: false,
      projectId: 'P4',
      name: 'project P4',
      category: 'one-matter-one-discussion',
      registeredOn: '2010-05-05',
      plannedInvestment: { currency: 'CNY', minor: 30_000_000 },
      funding: [
        { source: 'villagers', amount: { currency: 'CNY', minor: 13_000_000 } },
        { source: 'town-award', amount: { currency: 'CNY', minor: 5_000_000 } },
      ],
      villageId: 'V1',
      milestones: [
        { milestone: 'construction-started', reachedOn: '2010-06-01', eventId: p.p4started.eventId },
        { milestone: 'suspended', reachedOn: '2010-07-01', eventId: p.p4suspended.eventId },
        { milestone: 'resumed', reachedOn: '2010-08-01', eventId: p.p4resumed.eventId },
      ],
      progress: [],
      outputs: [{ metric: 'school-retrofit', quantity: 1, on: '2010-09-01', eventId: p.p4school.eventId }],
      refs: [p.p4, p.p4started, p.p4suspended, p.p4resumed, p.p4school].map(ref),
    });
    expect(store.getSync<ProjectDoc>('project-P1')?.progress.map((r) => [r.investedToDate.minor, r.asOf])).toEqual([
      [100_000_000, '2009-12-31'],
      [300_000_000, '2011-06-30'],
      [350_000_000, '2014-01-01'],
    ]);
  });

  it('keeps a dispute with its conclusion but none of the parties personal data', () => {
    const dispute = store.getSync<DisputeDoc>('dispute-D4');
    expect(dispute).toEqual({
      stream: 'dispute-D4',
      voided: false,
      disputeId: 'D4',
      category: 'neighbour',
      receivedOn: '2012-01-01',
      subjectIds: ['s-D4'],
      mediations: [{ heldOn: '2012-01-05', outcome: 'no-agreement', eventId: d.d4mediation.eventId }],
      conclusion: { kind: 'escalated', to: 'court', on: '2012-02-01', eventId: d.d4escalated.eventId },
      refs: [d.d4, d.d4mediation, d.d4escalated].map(ref),
    });
    const text = JSON.stringify([
      ...log.events.filter((e) => e.stream.startsWith('dispute-')).map((e) => store.getSync(e.stream)),
    ]);
    for (const personal of ['张三', '110101199003071234', '13800000000', '宅基地边界'])
      expect(text).not.toContain(personal);
  });

  it('keeps an audit with findings and their dated rectifications', () => {
    const audit = store.getSync<AuditDoc>('audit-A1');
    expect(audit?.findings).toEqual([
      {
        findingId: 'F1',
        severity: 'major',
        description: 'finding',
        foundOn: '2024-05-01',
        amountInvolved: { currency: 'CNY', minor: 30_000_000 },
        eventId: a.a1f1.eventId,
        rectification: {
          rectifiedOn: '2010-06-01',
          amountRecovered: { currency: 'CNY', minor: 20_000_000 },
          eventId: a.a1f1rectified.eventId,
        },
      },
      {
        findingId: 'F2',
        severity: 'minor',
        description: 'finding',
        foundOn: '2024-05-01',
        amountInvolved: { currency: 'CNY', minor: 40_000_000 },
        eventId: a.a1f2.eventId,
        rectification: {
          rectifiedOn: '2014-01-01',
          amountRecovered: { currency: 'CNY', minor: 5_000_000 },
          eventId: a.a1f2rectified.eventId,
        },
      },
    ]);
    expect(audit?.closure).toEqual({ closedOn: '2010-07-01', eventId: a.a1closed.eventId });
  });

  it('splits a village cash book into the village, one document per entry and one per debt', async () => {
    expect(store.getSync<VillageDoc>('village-V1')).toEqual({
      villageId: 'V1',
      name: '东村',
      stream: 'village-V1',
      refs: [ref(villages.v1)],
    });
    expect(store.getSync<EntryDoc>('village-V1/entry/R2')).toEqual({
      villageId: 'V1',
      entryId: 'R2',
      kind: 'receipt',
      amount: { currency: 'CNY', minor: 3_000_000 },
      category: 'collective-income',
      party: '承包户',
      voucherNo: 'v-R2',
      on: '2010-01-01',
      eventId: v.r2.eventId,
      reversal: { on: '2010-02-01', reason: '重复入账', eventId: v.r2reversal.eventId },
      refs: [ref(v.r2), ref(v.r2reversal)],
    });
    expect(store.getSync<EntryDoc>('village-V1/entry/E1')?.approvalRef).toBe('VM-2011-01');
    expect(store.getSync<DebtDoc>('village-V1/debt/DB1')?.settlements).toEqual([
      {
        amount: { currency: 'CNY', minor: 300_000 },
        settledOn: '2010-01-01',
        method: 'repaid',
        eventId: v.db1settled.eventId,
      },
      {
        amount: { currency: 'CNY', minor: 200_000 },
        settledOn: '2014-01-01',
        method: 'written-off',
        eventId: v.db1writtenOff.eventId,
      },
    ]);
    const entries: string[] = [];
    for await (const entry of store.scan<EntryDoc>('village-entry', { prefix: 'village-V1/entry/' }))
      entries.push(entry.entryId);
    expect(entries).toEqual(['E1', 'E2', 'R1', 'R2', 'R3', 'R4']);
  });

  it('keeps an indicator per code: the latest value of each period, and targets in recording order', () => {
    const gdp = store.getSync<IndicatorDoc>('indicator-gdp');
    expect(gdp?.unit).toBe('CNY');
    expect(gdp?.reports.find((r) => r.period === '2012')).toEqual({
      period: '2012',
      value: 80_000_000_000,
      recordedAt: ind.gdp2012revised.metadata.recordedAt,
      position: ind.gdp2012revised.position,
      eventIds: [ind.gdp2012.eventId, ind.gdp2012revised.eventId],
    });
    expect(gdp?.reports.map((r) => r.period)).toEqual(['2007', '2008', '2010-01/2010-06', '2012', '2014']);
    const revenue = store.getSync<IndicatorDoc>('indicator-fiscal-revenue');
    expect(revenue?.targets.map((t) => [t.period, t.target, t.eventId])).toEqual([
      ['2013', 6_000_000_000, ind.revenueTarget.eventId],
      ['2013', 6_500_000_000, ind.revenueTargetRaised.eventId],
      ['2007', 500_000_000, ind.revenueTargetOld.eventId],
    ]);
  });

  it('ignores events it has no document for', () => {
    const other = new EventLog();
    expect(recordsProjection.keysOf(other.append('users', 'UserRegistered', { userId: 'u1' }))).toEqual([]);
    expect(recordsProjection.keysOf(other.append('subject-s1', 'PersonalDataErased', { subjectId: 's1' }))).toEqual([]);
    expect(recordsProjection.keysOf(other.append('disclosures', 'PersonalDataDisclosed', {}))).toEqual([]);
  });

  it('gives the same documents when the runner feeds the log in batches', async () => {
    const events: EventStore = {
      readAll: async ({ after, limit }) =>
        log.events.filter((e) => after === undefined || Number(e.position) > Number(after)).slice(0, limit),
      headPosition: async () => log.events.at(-1)?.position,
      comparePositions: (x, y) => Number(x) - Number(y),
    } as Partial<EventStore> as EventStore;
    const runnerStore = new MemoryProjectionStore();
    await new ProjectionRunner(events, runnerStore, [recordsProjection], { batchSize: 7 }).catchUp();
    for (const category of recordsProjection.categories) {
      const [byRunner, byHelper]: unknown[][] = [[], []];
      for await (const doc of runnerStore.scan(category)) byRunner.push(doc);
      for await (const doc of store.scan(category)) byHelper.push(doc);
      expect(byRunner).toEqual(byHelper);
      expect(byRunner.length).toBeGreaterThan(0);
    }
  });
});
