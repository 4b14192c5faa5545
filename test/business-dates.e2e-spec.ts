import { startTestApp, TestApp } from './support/test-app';
import { expectRule } from './support/refusals';
import {
  auditData,
  closeAuditData,
  debtData,
  disputeData,
  escalationData,
  expenditureData,
  findingData,
  investmentData,
  mediationData,
  milestoneData,
  outputData,
  progressData,
  projectData,
  receiptData,
  record,
  recordTownship,
  rectificationData,
  resolutionData,
  reversalData,
  settlementData,
  yuan,
} from './support/township';

/** "No business date may lie after today (Asia/Shanghai)": today is set by the ledger's clock. */
describe('business dates after today', () => {
  // 10:00 in Shanghai on 2016-03-15.
  let now = new Date('2016-03-15T02:00:00Z');
  let t: TestApp;
  const V = 'lijiazhuang';
  const TOMORROW = '2016-03-16';

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    await recordTownship(t);
    await record(t, 'RegisterProject', projectData('XM-2016-001'));
    await record(t, 'RegisterDispute', disputeData('TJ-2016-001'));
    await record(t, 'OpenAudit', auditData('SJ-2016-001', { kind: 'village', id: V }));
    await record(t, 'RecordFinding', findingData('SJ-2016-001', 'F-01', 'minor'));
    await record(t, 'RecordReceipt', receiptData(V, 'SR-2016-001', yuan(10_000), '2016-01-05'));
    await record(t, 'RegisterDebt', debtData(V, 'ZW-2016-001', yuan(5_000)));
    await record(t, 'SignInvestment', investmentData('ZS-2016-001'));
  });
  afterAll(() => t.close());

  it.each([
    ['RegisterProject', projectData('XM-2016-002', { registeredOn: TOMORROW }), 'data.registeredOn'],
    ['RecordMilestone', milestoneData('XM-2016-001', 'construction-started', TOMORROW), 'data.reachedOn'],
    ['ReportProjectProgress', progressData('XM-2016-001', 100_000, TOMORROW), 'data.asOf'],
    ['RecordProjectOutput', outputData('XM-2016-001', 2.5, TOMORROW), 'data.on'],
    ['RegisterDispute', disputeData('TJ-2016-002', { receivedOn: TOMORROW }), 'data.receivedOn'],
    ['RecordMediation', mediationData('TJ-2016-001', 'agreement', TOMORROW), 'data.heldOn'],
    ['ResolveDispute', resolutionData('TJ-2016-001', 'withdrawn', TOMORROW), 'data.resolvedOn'],
    ['EscalateDispute', escalationData('TJ-2016-001', TOMORROW), 'data.escalatedOn'],
    ['OpenAudit', auditData('SJ-2016-002', { kind: 'village', id: V }, TOMORROW), 'data.openedOn'],
    ['RecordRectification', rectificationData('SJ-2016-001', 'F-01', TOMORROW), 'data.rectifiedOn'],
    ['CloseAudit', closeAuditData('SJ-2016-001', TOMORROW), 'data.closedOn'],
    ['RecordReceipt', receiptData(V, 'SR-2016-002', yuan(100), TOMORROW), 'data.on'],
    ['RecordExpenditure', expenditureData(V, 'ZC-2016-001', yuan(100), TOMORROW), 'data.on'],
    ['ReverseEntry', reversalData(V, 'SR-2016-001', TOMORROW), 'data.on'],
    ['RegisterDebt', debtData(V, 'ZW-2016-002', yuan(100), TOMORROW), 'data.incurredOn'],
    ['SettleDebt', settlementData(V, 'ZW-2016-001', yuan(100), TOMORROW), 'data.settledOn'],
    ['SignInvestment', investmentData('ZS-2016-002', { signedOn: TOMORROW }), 'data.signedOn'],
    [
      'RecordCapitalArrival',
      { investmentId: 'ZS-2016-001', amount: yuan(1_000_000), arrivedOn: TOMORROW },
      'data.arrivedOn',
    ],
    [
      'AmendInvestment',
      { investmentId: 'ZS-2016-001', signedOn: TOMORROW, reason: '合同签订日期更正' },
      'data.signedOn',
    ],
    [
      'TerminateInvestment',
      { investmentId: 'ZS-2016-001', terminatedOn: TOMORROW, reason: '企业迁址' },
      'data.terminatedOn',
    ],
  ])('refuses %s dated tomorrow with 422 RULE_DATE_IN_FUTURE naming the date', async (type, data, path) => {
    now = new Date('2016-03-15T02:00:00Z');
    const problem = await expectRule(t, type, data, 'RULE_DATE_IN_FUTURE', path);
    expect(problem.detail).toContain(TOMORROW);
  });

  it('takes today in Asia/Shanghai, not in UTC', async () => {
    // 23:59:59 in Shanghai on the 15th: the 16th is still tomorrow.
    now = new Date('2016-03-15T15:59:59Z');
    await expectRule(
      t,
      'RecordReceipt',
      receiptData(V, 'SR-2016-003', yuan(100), TOMORROW),
      'RULE_DATE_IN_FUTURE',
      'data.on',
    );
    // 01:30 in Shanghai on the 16th, while UTC is still on the 15th: the 16th is today.
    now = new Date('2016-03-15T17:30:00Z');
    const answer = await record(t, 'RecordReceipt', receiptData(V, 'SR-2016-003', yuan(100), TOMORROW));
    const stored = await t.runtime.events.findEvent(answer.events[0].eventId);
    expect(stored?.metadata.occurredOn).toBe(TOMORROW);
    await expectRule(
      t,
      'RecordReceipt',
      receiptData(V, 'SR-2016-004', yuan(100), '2016-03-17'),
      'RULE_DATE_IN_FUTURE',
      'data.on',
    );
  });
});
