import { startTestApp, TestApp } from './support/test-app';
import { expectRefused, expectRule } from './support/refusals';
import {
  auditData,
  disputeData,
  envelope,
  findingData,
  indicatorData,
  investmentData,
  mediationData,
  milestoneData,
  progressData,
  projectData,
  record,
  recordTownship,
  TERM,
  yuan,
} from './support/township';

/** "Any record can be voided when it was entered by mistake … it stays in the audit trail." */
describe('VoidRecord', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
  });
  afterAll(() => t.close());

  const voidRecord = (stream: string, reason = '录入错误，重复登记') => record(t, 'VoidRecord', { stream, reason });
  const summary = async () => (await t.get(`/api/v1/terms/${TERM.termId}/summary`).expect(200)).body;

  it("appends RecordVoided to the record's stream, correcting its first event", async () => {
    const registered = await record(t, 'RegisterProject', projectData('XM-2012-031'));
    await record(t, 'RecordMilestone', milestoneData('XM-2012-031', 'construction-started', '2012-04-01'));
    const voided = await voidRecord('project-XM-2012-031');
    expect(voided).toMatchObject({ stream: 'project-XM-2012-031', revision: 2, events: [{ type: 'RecordVoided' }] });
    const stored = await t.runtime.events.findEvent(voided.events[0].eventId);
    expect(stored?.data).toEqual({ stream: 'project-XM-2012-031', reason: '录入错误，重复登记' });
    expect(stored?.metadata.corrects).toBe(registered.events[0].eventId);
  });

  it('leaves a voided record accepting no further command (422), voiding included', async () => {
    await expectRule(
      t,
      'RecordMilestone',
      milestoneData('XM-2012-031', 'completed', '2012-10-01'),
      'RULE_RECORD_VOIDED',
    );
    await expectRule(
      t,
      'ReportProjectProgress',
      progressData('XM-2012-031', 10_000, '2012-06-30'),
      'RULE_RECORD_VOIDED',
    );
    await expectRule(t, 'VoidRecord', { stream: 'project-XM-2012-031', reason: '再次作废' }, 'RULE_RECORD_VOIDED');

    await record(t, 'RegisterDispute', disputeData('TJ-2013-031'));
    await voidRecord('dispute-TJ-2013-031');
    await expectRule(t, 'RecordMediation', mediationData('TJ-2013-031', 'agreement'), 'RULE_RECORD_VOIDED');

    await record(t, 'OpenAudit', auditData('SJ-2013-031', { kind: 'department', id: 'town-land-office' }));
    await voidRecord('audit-SJ-2013-031');
    await expectRule(t, 'RecordFinding', findingData('SJ-2013-031', 'F-01', 'minor'), 'RULE_RECORD_VOIDED');

    await record(t, 'SignInvestment', investmentData('ZS-2012-031'));
    await voidRecord('investment-ZS-2012-031');
    await expectRule(
      t,
      'RecordCapitalArrival',
      { investmentId: 'ZS-2012-031', amount: yuan(1_000), arrivedOn: '2012-06-01' },
      'RULE_RECORD_VOIDED',
    );

    await record(t, 'ReportIndicator', indicatorData('industrial-output', '2012', 1_560_000_000_00));
    await voidRecord('indicator-industrial-output');
    await expectRule(
      t,
      'ReportIndicator',
      indicatorData('industrial-output', '2013', 1_700_000_000_00),
      'RULE_RECORD_VOIDED',
    );
  });

  it('keeps the voided record and its voiding in the audit trail, every event verified', async () => {
    const { body } = await t.get('/api/v1/streams/project-XM-2012-031').expect(200);
    expect(body.events.map((e: { type: string }) => e.type)).toEqual([
      'ProjectRegistered',
      'MilestoneReached',
      'RecordVoided',
    ]);
    expect(body.events.every((e: { integrity: string }) => e.integrity === 'verified')).toBe(true);
    expect(body.events[2]).toMatchObject({
      corrects: body.events[0].eventId,
      actor: { userId: 'admin', role: 'admin' },
    });
  });

  it('counts a voided record in no summary', async () => {
    await record(t, 'RegisterProject', projectData('XM-2012-032'));
    await record(t, 'RegisterDispute', disputeData('TJ-2013-032'));
    const figures = await summary();
    expect(figures.projects.registered).toBe(1);
    expect(figures.disputes.registered).toBe(1);
    expect(figures.audits.opened).toBe(0);
    expect(figures.investment.signings).toBe(0);
    expect(figures.indicators['industrial-output']).toBeUndefined();
  });

  it.each([
    ['a term', 'terms'],
    ['a village', 'village-lijiazhuang'],
    ['the users', 'users'],
    ['an erasure of personal data', 'subject-DSR-2013-0001'],
  ])('refuses to void %s (422 RULE_NOT_VOIDABLE)', async (_, stream) => {
    await expectRefused(t, envelope('VoidRecord', { stream, reason: '误操作' }), {
      status: 422,
      code: 'RULE_NOT_VOIDABLE',
      path: 'data.stream',
    });
  });

  it.each([
    ['a record that does not exist', 'project-XM-0000-404'],
    ['a stream of no known kind', 'ledger-2013'],
  ])('answers voiding %s with 404 naming data.stream', async (_, stream) => {
    await expectRefused(t, envelope('VoidRecord', { stream, reason: '误操作' }), { status: 404, path: 'data.stream' });
  });
});
