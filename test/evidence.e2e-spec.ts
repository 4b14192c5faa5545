import { CommandRecorder, RecordedEvent } from './support/recorder';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import {
  DISPUTE_COUNT,
  disputePlan,
  DisputeOutcome,
  GENERATED_PROJECTS,
  generatedProjectId,
  generatedProjectStatus,
  recordTownshipTerm,
  TERM,
} from './support/township-term';

interface EvidenceEvent {
  eventId: string;
  stream: string;
  type: string;
  revision: number;
  position: string;
  occurredOn: string;
  recordedAt: string;
}

/**
 * `GET /terms/:id/summary/evidence?figure=…` lists exactly the events that produced a figure: the
 * term of test/support/township-term.ts, each answer compared eventId by eventId with the events
 * the commands appended (in log order), picked by hand from what each record is.
 */
describe('the evidence behind a figure of the term summary', () => {
  let t: TestApp;
  let r: CommandRecorder;
  const byTheEnd = (e: RecordedEvent) => e.on === undefined || e.on <= TERM.endsOn;
  const ids = (events: RecordedEvent[]) => events.map((e) => e.eventId);

  beforeAll(async () => {
    t = await startTestApp();
    r = new CommandRecorder(t);
    await recordTownshipTerm(r);
  });
  afterAll(() => t.close());

  const evidence = async (figure: string, token = ADMIN_TOKEN) => {
    const { body } = await t
      .get(`/api/v1/terms/${TERM.termId}/summary/evidence?figure=${encodeURIComponent(figure)}`, token)
      .expect(200);
    expect(body.figure).toBe(figure);
    return body as { figure: string; value: unknown; events: EvidenceEvent[] };
  };

  const disputesWith = (outcome: DisputeOutcome) =>
    new Set(
      Array.from({ length: DISPUTE_COUNT }, (_, i) => disputePlan(i))
        .filter((d) => d.outcome === outcome)
        .map((d) => d.stream),
    );

  it('of disputes.resolvedByMediation: each such dispute registered, mediated and resolved', async () => {
    const streams = disputesWith('resolvedByMediation');
    expect(streams.size).toBe(184);
    const answer = await evidence('disputes.resolvedByMediation');
    expect(answer.value).toBe(184);
    expect(answer.events.map((e) => e.eventId)).toEqual(ids(r.log.filter((e) => streams.has(e.stream))));
    expect(answer.events).toHaveLength(184 * 3); // no voided JF-VOID among them
    expect(answer.events.some((e) => e.stream === 'dispute-JF-VOID')).toBe(false);
  });

  it('of disputes.open: the registration and mediations by the end, never a resolution after it', async () => {
    const streams = disputesWith('open');
    expect(streams.size).toBe(36);
    const answer = await evidence('disputes.open');
    expect(answer.value).toBe(36);
    const expected = r.log.filter((e) => streams.has(e.stream) && byTheEnd(e));
    expect(answer.events.map((e) => e.eventId)).toEqual(ids(expected));
    // The six resolved on 2013-10-15 are open here: their DisputeResolved is not evidence.
    expect(answer.events.filter((e) => e.type === 'DisputeResolved')).toEqual([]);
    expect(answer.events.filter((e) => e.type === 'MediationRecorded')).toHaveLength(36);
  });

  it('of projects.byStatus.completed: registrations and the milestones reached by the end', async () => {
    const completed = new Set([
      ...Array.from({ length: GENERATED_PROJECTS }, (_, k) => k)
        .filter((k) => generatedProjectStatus(k) === 'completed')
        .map((k) => `project-${generatedProjectId(k)}`),
      'project-XM-YS', // accepted only on 2013-10-25
      'project-YS-4',
    ]);
    const answer = await evidence('projects.byStatus.completed');
    expect(answer.value).toBe(6);
    const expected = r.log.filter(
      (e) => completed.has(e.stream) && ['ProjectRegistered', 'MilestoneReached'].includes(e.type) && byTheEnd(e),
    );
    expect(answer.events.map((e) => e.eventId)).toEqual(ids(expected));
    expect(
      answer.events.map((e) => `${e.stream} ${e.type}`).filter((line) => line.startsWith('project-XM-YS ')),
    ).toEqual([
      'project-XM-YS ProjectRegistered',
      'project-XM-YS MilestoneReached', // construction-started
      'project-XM-YS MilestoneReached', // completed; the accepted milestone of 2013-10-25 is not here
    ]);
  });

  it('of projects.outputs.rural-road-km: the three roads, not the extension after the end nor the voided road', async () => {
    const answer = await evidence('projects.outputs.rural-road-km');
    expect(answer.value).toBe(116.7);
    const roads = ['project-YS-1', 'project-YS-2', 'project-YS-3'];
    const expected = r.log.filter(
      (e) =>
        roads.includes(e.stream) &&
        (e.type === 'ProjectRegistered' ||
          (e.type === 'ProjectOutputRecorded' && e.data.metric === 'rural-road-km' && byTheEnd(e))),
    );
    expect(expected).toHaveLength(6);
    expect(answer.events.map((e) => e.eventId)).toEqual(ids(expected));
  });

  it('of villageFinance.receipts.CNY: the receipts dated in the term that were not reversed by its end', async () => {
    const answer = await evidence('villageFinance.receipts.CNY');
    expect(answer.value).toBe((500_000 + 120_000 + 10_000 + 300_000) * 100);
    const receipts = ['DC-R1', 'DC-R2', 'DC-R3', 'XC-R1'];
    const expected = r.log.filter((e) => e.type === 'ReceiptRecorded' && receipts.includes(e.data.entryId as string));
    expect(answer.events.map((e) => e.eventId)).toEqual(ids(expected));
    expect(answer.events.map((e) => `${e.stream} ${e.type} ${e.occurredOn}`)).toEqual([
      'village-dongcun ReceiptRecorded 2009-01-10',
      'village-dongcun ReceiptRecorded 2010-03-05',
      'village-dongcun ReceiptRecorded 2012-02-01', // reversed 2013-11-05, after the end
      'village-xicun ReceiptRecorded 2009-05-05',
    ]);
  });

  it('of audits.openFindings: each open finding with its audit', async () => {
    const answer = await evidence('audits.openFindings');
    expect(answer.value).toBe(3);
    const pick = (stream: string, type: string, findingId?: string) =>
      r.log.find(
        (e) => e.stream === stream && e.type === type && (findingId === undefined || e.data.findingId === findingId),
      ) as RecordedEvent;
    expect(answer.events.map((e) => e.eventId)).toEqual(
      ids([
        pick('audit-SJ-2011-02', 'AuditOpened'),
        pick('audit-SJ-2011-02', 'FindingRecorded', 'F1'), // rectified 2013-12-01, after the end
        pick('audit-SJ-2011-02', 'FindingRecorded', 'F2'),
        pick('audit-SJ-2012-03', 'AuditOpened'),
        pick('audit-SJ-2012-03', 'FindingRecorded', 'F3'),
      ]),
    );
  });

  it('of indicators.gdp.ratio: the first year and the last, with its revision', async () => {
    const answer = await evidence('indicators.gdp.ratio');
    expect(answer.value).toBe(2.7587);
    const expected = r.log.filter(
      (e) => e.stream === 'indicator-gdp' && (e.data.period === '2008' || e.data.period === '2012'),
    );
    expect(expected).toHaveLength(3);
    expect(answer.events.map((e) => e.eventId)).toEqual(ids(expected));
  });

  it('of indicators.fiscal-revenue.target.completion: the raised target and the 2013-01/2013-09 report', async () => {
    const answer = await evidence('indicators.fiscal-revenue.target.completion');
    expect(answer.value).toBe(0.7724);
    const target = r.log.filter((e) => e.type === 'IndicatorTargetSet' && e.data.period === '2013')[1];
    const reported = r.log.find(
      (e) => e.stream === 'indicator-fiscal-revenue' && e.data.period === '2013-01/2013-09',
    ) as RecordedEvent;
    expect(answer.events.map((e) => e.eventId)).toEqual(ids([target, reported]));
  });

  it('of investment.terminated: the signing and its termination', async () => {
    const answer = await evidence('investment.terminated');
    expect(answer.value).toBe(1);
    expect(answer.events.map((e) => e.eventId)).toEqual(ids(r.eventsOf('investment-ZS-2012-020')));
  });

  it('gives each event with its stream, revision, position and both clocks', async () => {
    const answer = await evidence('investment.terminated');
    expect(answer.events).toEqual([
      {
        eventId: r.eventId('investment-ZS-2012-020', 'InvestmentSigned'),
        stream: 'investment-ZS-2012-020',
        type: 'InvestmentSigned',
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        occurredOn: '2012-04-04',
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      },
      {
        eventId: r.eventId('investment-ZS-2012-020', 'InvestmentTerminated'),
        stream: 'investment-ZS-2012-020',
        type: 'InvestmentTerminated',
        revision: 1,
        position: expect.stringMatching(/^\d+$/),
        occurredOn: '2013-03-01',
        recordedAt: expect.any(String),
      },
    ]);
    expect(Number(answer.events[1].position)).toBeGreaterThan(Number(answer.events[0].position));
  });

  it('answers 404 for a figure the summary does not have, 400 without a figure', async () => {
    for (const figure of [
      'disputes.nothing',
      'villageFinance.receipts.USD',
      'indicators.farmer-net-income.ratio',
      'disputes.registered.more',
    ]) {
      const response = await t
        .get(`/api/v1/terms/${TERM.termId}/summary/evidence?figure=${encodeURIComponent(figure)}`)
        .expect(404);
      expect(response.body).toMatchObject({ status: 404, errors: [{ path: 'figure' }] });
    }
    await t.get(`/api/v1/terms/${TERM.termId}/summary/evidence`).expect(400);
    await t.get('/api/v1/terms/1998-2003/summary/evidence?figure=disputes.open').expect(404);
  });

  it('is for auditors and admins (docs/api.md: evidence is not for clerks or supervisors)', async () => {
    const token = async (userId: string, role: string) =>
      (await r.send('RegisterUser', { userId, name: userId, role })).token as string;
    const auditor = await token('auditor-evidence', 'auditor');
    const supervisor = await token('supervisor-evidence', 'supervisor');
    const clerk = await token('clerk-evidence', 'clerk');
    expect((await evidence('investment.terminated', auditor)).value).toBe(1);
    await t.get(`/api/v1/terms/${TERM.termId}/summary/evidence?figure=investment.terminated`, supervisor).expect(403);
    await t.get(`/api/v1/terms/${TERM.termId}/summary/evidence?figure=investment.terminated`, clerk).expect(403);
    // The summary itself is for every role.
    await t.get(`/api/v1/terms/${TERM.termId}/summary`, supervisor).expect(200);
  });
});
