import { StoredEvent } from '@sunshine/event-store';
import { project } from '../records/testing/event-log';
import { TERM, townshipLog } from '../records/testing/township-log';
import { evidenceFor, summarizeTerm } from './summarize';

const ids = (events: StoredEvent[]) => events.map((event) => event.eventId);

describe('evidenceFor', () => {
  const {
    log,
    terms,
    investment: i,
    project: p,
    keyProject: k,
    dispute: d,
    audit: a,
    village: v,
    indicator: ind,
    honours: h,
  } = townshipLog();
  const store = project(log.events);
  const term = { ...TERM, refs: store.getSync<{ refs: never[] }>('term/2008-2013')?.refs };
  const evidence = async (figure: string) => (await evidenceFor(term, figure, store))?.events.map((ref) => ref.eventId);

  it('lists the signing behind a band, at its exact floor', async () => {
    expect(await evidence('investment.bands.atLeast100mCny')).toEqual(ids([i.i6]));
  });

  it('lists the counted signings of a sum with their amendments, in log order', async () => {
    expect(await evidence('investment.signed.domestic.CNY')).toEqual(
      ids([i.i1, i.i2, i.i3, i.i6, i.i7, i.i7amendment, i.i9, i.i9amendment]),
    );
  });

  it('lists a sector by its amended sector', async () => {
    expect(await evidence('investment.bySector.auto-parts.signings')).toEqual(ids([i.i1, i.i3, i.i9, i.i9amendment]));
  });

  it('lists the arrivals counted, with their signing', async () => {
    expect(await evidence('investment.arrived.domestic.CNY')).toEqual(ids([i.i1, i.i1arrival]));
  });

  it('lists a termination with its signing', async () => {
    expect(await evidence('investment.terminated')).toEqual(ids([i.i5, i.i5termination]));
  });

  it('lists a status count by registration and the milestones up to the term end', async () => {
    expect(await evidence('projects.byStatus.completed')).toEqual(ids([p.p3, p.p3started, p.p3completed]));
    expect(await evidence('projects.byStatus.suspended')).toEqual(ids([p.p2, p.p2started, p.p2suspended]));
  });

  it('lists the latest progress report by the term end', async () => {
    expect(await evidence('projects.investedToDate.CNY')).toEqual(ids([p.p1, p.p1progress2, p.p2, p.p2progress]));
  });

  it('lists the outputs summed', async () => {
    expect(await evidence('projects.outputs.rural-road-km')).toEqual(ids([p.p1, p.p1road1, p.p1road2, p.p2, p.p2road]));
  });

  it('lists one-matter-one-discussion funding by registration', async () => {
    expect(await evidence('projects.oneMatterOneDiscussion.funding.county.CNY')).toEqual(ids([p.p5]));
  });

  it('lists disputes resolved by mediation with their history', async () => {
    expect(await evidence('disputes.resolvedByMediation')).toEqual(
      ids([d.d1, d.d1mediation, d.d1resolved, d.d2, d.d2mediation, d.d2resolved]),
    );
  });

  it('lists the concluded disputes behind the success rate', async () => {
    expect(await evidence('disputes.mediationSuccessRate')).toEqual(
      ids([
        d.d1,
        d.d1mediation,
        d.d1resolved,
        d.d2,
        d.d2mediation,
        d.d2resolved,
        d.d3,
        d.d3resolved,
        d.d4,
        d.d4mediation,
        d.d4escalated,
      ]),
    );
  });

  it('lists open findings, including one rectified only after the term', async () => {
    expect(await evidence('audits.openFindings')).toEqual(ids([a.a1, a.a1f2, a.a2, a.a2f1]));
    expect(await evidence('audits.amountRecovered.CNY')).toEqual(ids([a.a1, a.a1f1, a.a1f1rectified]));
  });

  it('lists the receipts counted, without the reversed one', async () => {
    expect(await evidence('villageFinance.receipts.CNY')).toEqual(ids([v.r1, v.r5]));
    expect(await evidence('villageFinance.debtsSettled')).toEqual(ids([v.db1settled, v.db0settled]));
  });

  it('lists the reports behind an indicator ratio, revisions included', async () => {
    expect(await evidence('indicators.gdp.ratio')).toEqual(ids([ind.gdp2008, ind.gdp2012, ind.gdp2012revised]));
    expect(await evidence('indicators.gdp.last.value')).toEqual(ids([ind.gdp2012, ind.gdp2012revised]));
  });

  it('lists a target and the period reported against it', async () => {
    expect(await evidence('indicators.fiscal-revenue.target.completion')).toEqual(
      ids([ind.revenueTargetRaised, ind.revenueQ1toQ3]),
    );
    expect(await evidence('indicators.fiscal-revenue.target.value')).toEqual(ids([ind.revenueTargetRaised]));
  });

  it('lists the debts a term starts with and the settlements before it, a foreign signing outside the bands', async () => {
    expect(await evidence('villageFinance.debtsOutstandingAtStart.CNY')).toEqual(ids([v.db0]));
    expect(await evidence('investment.unbanded.USD')).toEqual(ids([i.i4]));
  });

  it('lists a key project’s registration, its mark, its milestones and progress by the term’s end', async () => {
    expect(await evidence('keyProjects.P1')).toEqual(
      ids([p.p1, p.p1started, p.p1completed, p.p1accepted, p.p1progress2, k.p1]),
    );
    expect(await evidence('keyProjects.P1.investedToDate')).toEqual(
      ids([p.p1, p.p1started, p.p1completed, p.p1accepted, p.p1progress2, k.p1]),
    );
  });

  it('lists an indicator’s definition behind its name, and each honour’s record', async () => {
    expect(await evidence('indicators.work-accidents.name')).toEqual(ids([ind.accidentsRedefined]));
    expect(await evidence('indicators.gdp.name')).toEqual([]);
    expect(await evidence('honours.byLevel.provincial')).toEqual(ids([h.h1]));
    expect(await evidence('honours.list.H2')).toEqual(ids([h.h2]));
  });

  it('answers a section with everything under it', async () => {
    expect(await evidence('audits')).toEqual(ids([a.a1, a.a1f1, a.a1f2, a.a1f1rectified, a.a1closed, a.a2, a.a2f1]));
  });

  it('returns the figure with its events', async () => {
    const answer = await evidenceFor(term, 'projects.outputs.rural-road-km', store);
    expect(answer?.value).toBe(116.7);
    expect(answer?.figure).toBe('projects.outputs.rural-road-km');
    expect(answer?.events[0]).toEqual({
      eventId: p.p1.eventId,
      stream: 'project-P1',
      revision: 0,
      position: p.p1.position,
      type: 'ProjectRegistered',
      occurredOn: '2009-03-01',
      recordedAt: p.p1.metadata.recordedAt,
    });
  });

  it('traces the term itself to its opening', async () => {
    expect(await evidence('from')).toEqual(ids([terms.first]));
  });

  it('answers a group of figures with all their events, a figure without contributions with none', async () => {
    expect(await evidence('investment.bands')).toEqual(
      ids([i.i1, i.i3, i.i6, i.i7, i.i7amendment, i.i9, i.i9amendment]),
    );
    expect(await evidence('disputes.escalated')).toEqual(ids([d.d4, d.d4mediation, d.d4escalated]));
    expect(await evidence('indicators.gdp.target')).toEqual([]);
  });

  it('returns undefined for a figure the summary does not have', async () => {
    for (const figure of [
      '',
      'investment.bogus',
      'investment.signed.domestic.EUR',
      'indicators.industrial-output.ratio',
      'projects.registered.extra',
      'indicators.gdp.target.value',
    ])
      expect(await evidenceFor(term, figure, store)).toBeUndefined();
  });

  it('answers every figure path of the summary, each count by as many records as it counts', async () => {
    const summary = await summarizeTerm(term, store);
    const leaves = (node: unknown, path: string[]): string[][] =>
      typeof node === 'object' && node !== null && Object.keys(node).length > 0
        ? Object.entries(node).flatMap(([key, child]) => leaves(child, [...path, key]))
        : [path];
    for (const path of leaves(summary, [])) {
      const answer = await evidenceFor(term, path.join('.'), store);
      expect(answer).toBeDefined();
      expect(answer?.value).toEqual(
        path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], summary),
      );
    }
    const countedRecords = async (figure: string) =>
      new Set((await evidenceFor(term, figure, store))?.events.map((ref) => ref.stream)).size;
    for (const figure of [
      'investment.signings',
      'projects.registered',
      'disputes.registered',
      'audits.opened',
      'investment.bands.atLeast10mCny',
    ])
      expect(await countedRecords(figure)).toBe(
        figure.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], summary),
      );
  });

  it('finds a sector whose free-text name holds a dot', async () => {
    const { log: other } = townshipLog();
    other.append(
      'investment-X1',
      'InvestmentSigned',
      {
        investmentId: 'X1',
        investor: 'x',
        sector: 'services.logistics',
        origin: 'domestic',
        amount: { currency: 'CNY', minor: 5 },
        signedOn: '2010-01-01',
      },
      '2010-01-01',
    );
    const x1 = other.events.at(-1) as StoredEvent;
    const answer = await evidenceFor(TERM, 'investment.bySector.services.logistics.signed.CNY', project(other.events));
    expect(answer?.value).toBe(5);
    expect(answer?.events.map((ref) => ref.eventId)).toEqual([x1.eventId]);
  });
});
