import { startTestApp, TestApp } from './support/test-app';
import { expectExists, expectNotFound, expectRefused, expectRule } from './support/refusals';
import {
  auditData,
  closeAuditData,
  debtData,
  disputeData,
  envelope,
  escalationData,
  expenditureData,
  findingData,
  indicatorData,
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
  TERM,
  VILLAGES,
  yuan,
} from './support/township';

/** Every command of the township through HTTP: accepted with its event, refused by its rules. */
describe("the township's commands over HTTP", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
  });
  afterAll(() => t.close());

  const streamOf = (stream: string) => t.runtime.events.readStream(stream);

  describe('projects (项目建设)', () => {
    it('registers a project with its event, and refuses its id a second time (409)', async () => {
      const answer = await record(t, 'RegisterProject', projectData('XM-2012-007', { villageId: 'lijiazhuang' }));
      expect(answer).toMatchObject({
        stream: 'project-XM-2012-007',
        revision: 0,
        events: [{ type: 'ProjectRegistered' }],
      });
      await expectExists(t, 'RegisterProject', projectData('XM-2012-007'), 'data.projectId');
    });

    it('needs the village of a one-matter-one-discussion project (422), and a village on record (404)', async () => {
      const oneMatter = {
        name: '王家湾村文化广场（一事一议）',
        category: 'one-matter-one-discussion',
        funding: [
          { source: 'villagers', amount: yuan(60_000) },
          { source: 'town-award', amount: yuan(90_000) },
        ],
      };
      await expectRule(
        t,
        'RegisterProject',
        projectData('XM-2012-015', oneMatter),
        'RULE_PROJECT_VILLAGE_REQUIRED',
        'data.villageId',
      );
      await expectNotFound(
        t,
        'RegisterProject',
        projectData('XM-2012-015', { ...oneMatter, villageId: 'songjiadian' }),
        'data.villageId',
      );
      const answer = await record(
        t,
        'RegisterProject',
        projectData('XM-2012-015', { ...oneMatter, villageId: 'wangjiawan' }),
      );
      expect(answer.events).toEqual([{ eventId: expect.any(String), type: 'ProjectRegistered' }]);
    });

    it('records milestones in their order, refusing one out of order, one dated before the previous, and all but resumption while suspended', async () => {
      await record(t, 'RegisterProject', projectData('XM-2012-009'));
      await expectRule(
        t,
        'RecordMilestone',
        milestoneData('XM-2012-009', 'completed', '2012-10-30'),
        'RULE_MILESTONE_OUT_OF_ORDER',
        'data.milestone',
      );
      const started = await record(
        t,
        'RecordMilestone',
        milestoneData('XM-2012-009', 'construction-started', '2012-04-10'),
      );
      expect(started).toMatchObject({
        stream: 'project-XM-2012-009',
        revision: 1,
        events: [{ type: 'MilestoneReached' }],
      });
      await expectRule(
        t,
        'RecordMilestone',
        milestoneData('XM-2012-009', 'construction-started', '2012-04-11'),
        'RULE_MILESTONE_ALREADY_REACHED',
        'data.milestone',
      );
      await expectRule(
        t,
        'RecordMilestone',
        milestoneData('XM-2012-009', 'accepted', '2012-05-01'),
        'RULE_MILESTONE_OUT_OF_ORDER',
        'data.milestone',
      );
      await expectRule(
        t,
        'RecordMilestone',
        milestoneData('XM-2012-009', 'suspended', '2012-04-01'),
        'RULE_MILESTONE_BEFORE_PREVIOUS',
        'data.reachedOn',
      );
      await record(t, 'RecordMilestone', milestoneData('XM-2012-009', 'suspended', '2012-07-01'));
      await expectRule(
        t,
        'RecordMilestone',
        milestoneData('XM-2012-009', 'completed', '2012-08-01'),
        'RULE_PROJECT_SUSPENDED',
        'data.milestone',
      );
      await record(t, 'RecordMilestone', milestoneData('XM-2012-009', 'resumed', '2012-08-15'));
      await record(t, 'RecordMilestone', milestoneData('XM-2012-009', 'completed', '2012-10-30'));
      await record(t, 'RecordMilestone', milestoneData('XM-2012-009', 'accepted', '2012-11-20'));
      const types = (await streamOf('project-XM-2012-009')).map((e) => e.type);
      expect(types).toEqual(['ProjectRegistered', ...Array(5).fill('MilestoneReached')]);
    });

    it('reports progress that never decreases unless a reason makes it a correction of the last report', async () => {
      await record(t, 'RegisterProject', projectData('XM-2012-010'));
      const first = await record(t, 'ReportProjectProgress', progressData('XM-2012-010', 600_000, '2012-06-30'));
      expect(first.events).toEqual([{ eventId: expect.any(String), type: 'ProjectProgressReported' }]);
      await expectRule(
        t,
        'ReportProjectProgress',
        progressData('XM-2012-010', 500_000, '2012-09-30'),
        'RULE_PROGRESS_DECREASES',
        'data.investedToDate',
      );
      await expectRule(
        t,
        'ReportProjectProgress',
        progressData('XM-2012-010', 700_000, '2012-05-31'),
        'RULE_PROGRESS_BEFORE_LAST_REPORT',
        'data.asOf',
      );
      const correction = await record(
        t,
        'ReportProjectProgress',
        progressData('XM-2012-010', 560_000, '2012-06-30', '重复计入一笔设备预付款'),
      );
      const stored = await t.runtime.events.findEvent(correction.events[0].eventId);
      expect(stored?.metadata.corrects).toBe(first.events[0].eventId);
    });

    it('records an output of the project; a quantity of zero is refused (422)', async () => {
      await record(t, 'RegisterProject', projectData('XM-2012-011'));
      const answer = await record(t, 'RecordProjectOutput', outputData('XM-2012-011', 38.9));
      expect(answer.events).toEqual([{ eventId: expect.any(String), type: 'ProjectOutputRecorded' }]);
      await expectRule(
        t,
        'RecordProjectOutput',
        outputData('XM-2012-011', 0),
        'RULE_QUANTITY_NOT_POSITIVE',
        'data.quantity',
      );
      // More than three decimals is a value of the wrong shape, refused before any state is read.
      await expectRefused(t, envelope('RecordProjectOutput', outputData('XM-2012-011', 1.2345)), {
        status: 400,
        code: 'VALIDATION_FAILED',
        path: 'data.quantity',
      });
    });

    it.each([
      ['RecordMilestone', milestoneData('XM-0000-404', 'construction-started', '2012-04-10')],
      ['ReportProjectProgress', progressData('XM-0000-404', 1, '2012-06-30')],
      ['RecordProjectOutput', outputData('XM-0000-404', 1)],
    ])('answers %s on a project that does not exist with 404 naming data.projectId', (type, data) =>
      expectNotFound(t, type, data, 'data.projectId'),
    );
  });

  describe('disputes (矛盾纠纷调处)', () => {
    it('registers a dispute with its parties, and refuses its id a second time (409)', async () => {
      const answer = await record(t, 'RegisterDispute', disputeData('TJ-2013-021'));
      expect(answer).toMatchObject({
        stream: 'dispute-TJ-2013-021',
        revision: 0,
        events: [{ type: 'DisputeRegistered' }],
      });
      await expectExists(t, 'RegisterDispute', disputeData('TJ-2013-021'), 'data.disputeId');
    });

    it('needs at least one party (422) and a village on record (404)', async () => {
      await expectRule(
        t,
        'RegisterDispute',
        disputeData('TJ-2013-022', { parties: [] }),
        'RULE_DISPUTE_NO_PARTY',
        'data.parties',
      );
      await expectNotFound(
        t,
        'RegisterDispute',
        disputeData('TJ-2013-022', { villageId: 'songjiadian' }),
        'data.villageId',
      );
      const twice = [
        { subjectId: 'DSR-2013-0022', name: '张秀英' },
        { subjectId: 'DSR-2013-0022', name: '张秀英' },
      ];
      await expectRule(
        t,
        'RegisterDispute',
        disputeData('TJ-2013-022', { parties: twice }),
        'RULE_DISPUTE_PARTY_REPEATED',
        'data.parties',
      );
      expect(await t.runtime.events.streamRevision('dispute-TJ-2013-022')).toBeUndefined();
    });

    it('records mediations not dated before the dispute was received, and resolves by mediation only after an agreement', async () => {
      await record(t, 'RegisterDispute', disputeData('TJ-2013-023'));
      await expectRule(
        t,
        'RecordMediation',
        mediationData('TJ-2013-023', 'agreement', '2013-04-07'),
        'RULE_DISPUTE_DATE_BEFORE_RECEIPT',
        'data.heldOn',
      );
      const failed = await record(t, 'RecordMediation', mediationData('TJ-2013-023', 'no-agreement', '2013-04-15'));
      expect(failed.events).toEqual([{ eventId: expect.any(String), type: 'MediationRecorded' }]);
      await expectRule(
        t,
        'ResolveDispute',
        resolutionData('TJ-2013-023', 'mediation'),
        'RULE_DISPUTE_NO_AGREEMENT',
        'data.method',
      );
      await record(t, 'RecordMediation', mediationData('TJ-2013-023', 'agreement', '2013-04-20'));
      await expectRule(
        t,
        'ResolveDispute',
        resolutionData('TJ-2013-023', 'mediation', '2013-04-19'),
        'RULE_RESOLUTION_BEFORE_AGREEMENT',
        'data.resolvedOn',
      );
      const resolved = await record(t, 'ResolveDispute', resolutionData('TJ-2013-023', 'mediation', '2013-04-25'));
      expect(resolved).toMatchObject({ revision: 3, events: [{ type: 'DisputeResolved' }] });
    });

    it('records nothing more on a concluded dispute, resolved or escalated (422)', async () => {
      await record(t, 'RegisterDispute', disputeData('TJ-2013-024'));
      const escalated = await record(t, 'EscalateDispute', escalationData('TJ-2013-024'));
      expect(escalated.events).toEqual([{ eventId: expect.any(String), type: 'DisputeEscalated' }]);
      await expectRule(
        t,
        'RecordMediation',
        mediationData('TJ-2013-024', 'agreement', '2013-05-20'),
        'RULE_DISPUTE_CONCLUDED',
      );
      await expectRule(
        t,
        'ResolveDispute',
        resolutionData('TJ-2013-024', 'withdrawn', '2013-05-20'),
        'RULE_DISPUTE_CONCLUDED',
      );
      await expectRule(t, 'EscalateDispute', escalationData('TJ-2013-024', '2013-05-21'), 'RULE_DISPUTE_CONCLUDED');

      await record(t, 'RegisterDispute', disputeData('TJ-2013-025'));
      await record(t, 'ResolveDispute', resolutionData('TJ-2013-025', 'withdrawn'));
      await expectRule(t, 'EscalateDispute', escalationData('TJ-2013-025'), 'RULE_DISPUTE_CONCLUDED');
    });

    it.each([
      ['RecordMediation', mediationData('TJ-0000-404', 'agreement')],
      ['ResolveDispute', resolutionData('TJ-0000-404', 'withdrawn')],
      ['EscalateDispute', escalationData('TJ-0000-404')],
    ])('answers %s on a dispute that does not exist with 404 naming data.disputeId', (type, data) =>
      expectNotFound(t, type, data, 'data.disputeId'),
    );
  });

  describe('audits (审计)', () => {
    it('opens an audit of a village on record, refusing an unknown subject (404) and its id a second time (409)', async () => {
      const answer = await record(t, 'OpenAudit', auditData('SJ-2013-004', { kind: 'village', id: 'lijiazhuang' }));
      expect(answer).toMatchObject({ stream: 'audit-SJ-2013-004', revision: 0, events: [{ type: 'AuditOpened' }] });
      await expectExists(
        t,
        'OpenAudit',
        auditData('SJ-2013-004', { kind: 'village', id: 'lijiazhuang' }),
        'data.auditId',
      );
      await expectNotFound(
        t,
        'OpenAudit',
        auditData('SJ-2013-005', { kind: 'project', id: 'XM-0000-404' }),
        'data.subject.id',
      );
      await expectNotFound(
        t,
        'OpenAudit',
        auditData('SJ-2013-005', { kind: 'investment', id: 'ZS-0000-404' }),
        'data.subject.id',
      );
      await expectNotFound(
        t,
        'OpenAudit',
        auditData('SJ-2013-005', { kind: 'village', id: 'songjiadian' }),
        'data.subject.id',
      );
      await record(t, 'OpenAudit', auditData('SJ-2013-005', { kind: 'department', id: 'town-finance-office' }));
    });

    it('records findings, rectifications and the closing in their order', async () => {
      await record(t, 'OpenAudit', auditData('SJ-2013-006', { kind: 'village', id: 'wangjiawan' }));
      const finding = await record(t, 'RecordFinding', findingData('SJ-2013-006', 'F-01', 'major'));
      expect(finding.events).toEqual([{ eventId: expect.any(String), type: 'FindingRecorded' }]);
      await expectExists(t, 'RecordFinding', findingData('SJ-2013-006', 'F-01', 'minor'), 'data.findingId');
      await record(t, 'RecordFinding', findingData('SJ-2013-006', 'F-02', 'minor', 3_000));

      await expectRule(t, 'CloseAudit', closeAuditData('SJ-2013-006'), 'RULE_AUDIT_OPEN_FINDINGS');
      await expectNotFound(t, 'RecordRectification', rectificationData('SJ-2013-006', 'F-09'), 'data.findingId');
      await expectRule(
        t,
        'RecordRectification',
        rectificationData('SJ-2013-006', 'F-01', '2013-05-01'),
        'RULE_RECTIFICATION_BEFORE_AUDIT',
        'data.rectifiedOn',
      );
      await expectRule(
        t,
        'RecordRectification',
        {
          ...rectificationData('SJ-2013-006', 'F-01', '2013-07-15'),
          amountRecovered: { currency: 'USD', minor: 700_000 },
        },
        'RULE_CURRENCY_MISMATCH',
        'data.amountRecovered.currency',
      );
      const rectified = await record(t, 'RecordRectification', rectificationData('SJ-2013-006', 'F-01', '2013-07-15'));
      expect(rectified.events).toEqual([{ eventId: expect.any(String), type: 'FindingRectified' }]);
      await expectRule(
        t,
        'RecordRectification',
        rectificationData('SJ-2013-006', 'F-01', '2013-07-16'),
        'RULE_FINDING_ALREADY_RECTIFIED',
        'data.findingId',
      );

      await expectRule(
        t,
        'CloseAudit',
        closeAuditData('SJ-2013-006', '2013-07-01'),
        'RULE_AUDIT_CLOSED_BEFORE_RECTIFICATION',
        'data.closedOn',
      );
      // A minor finding may stay open at closing.
      const closed = await record(t, 'CloseAudit', closeAuditData('SJ-2013-006', '2013-08-30'));
      expect(closed).toMatchObject({ revision: 4, events: [{ type: 'AuditClosed' }] });
      await expectRule(t, 'RecordFinding', findingData('SJ-2013-006', 'F-03', 'info'), 'RULE_AUDIT_CLOSED');
      await expectRule(t, 'CloseAudit', closeAuditData('SJ-2013-006', '2013-09-01'), 'RULE_AUDIT_CLOSED');
      await record(t, 'RecordRectification', rectificationData('SJ-2013-006', 'F-02', '2013-09-10', 3_000));
    });

    it.each([
      ['RecordFinding', findingData('SJ-0000-404', 'F-01', 'minor')],
      ['RecordRectification', rectificationData('SJ-0000-404', 'F-01')],
      ['CloseAudit', closeAuditData('SJ-0000-404')],
    ])('answers %s on an audit that does not exist with 404 naming data.auditId', (type, data) =>
      expectNotFound(t, type, data, 'data.auditId'),
    );
  });

  describe('village finances (村级财务)', () => {
    const V = VILLAGES.zhaojiagou.villageId;

    it('records receipts with entry ids and voucher numbers unique in the village', async () => {
      const answer = await record(t, 'RecordReceipt', receiptData(V, 'SR-2013-001', yuan(200_000), '2013-03-05'));
      expect(answer).toMatchObject({ stream: `village-${V}`, events: [{ type: 'ReceiptRecorded' }] });
      await expectExists(
        t,
        'RecordReceipt',
        receiptData(V, 'SR-2013-001', yuan(10), '2013-03-06', { voucherNo: '收-新-01' }),
        'data.entryId',
      );
      await expectExists(
        t,
        'RecordReceipt',
        receiptData(V, 'SR-2013-002', yuan(10), '2013-03-06', { voucherNo: '收-SR-2013-001' }),
        'data.voucherNo',
      );
      await expectNotFound(t, 'RecordReceipt', receiptData('songjiadian', 'SR-2013-001', yuan(10)), 'data.villageId');
      await expectRule(
        t,
        'RecordReceipt',
        receiptData(V, 'SR-2013-003', yuan(0)),
        'RULE_AMOUNT_NOT_POSITIVE',
        'data.amount',
      );
    });

    it("records expenditures that the cash covers and that a villagers' resolution approved", async () => {
      const answer = await record(
        t,
        'RecordExpenditure',
        expenditureData(V, 'ZC-2013-001', yuan(150_000), '2013-03-20'),
      );
      expect(answer.events).toEqual([{ eventId: expect.any(String), type: 'ExpenditureRecorded' }]);
      await expectRule(
        t,
        'RecordExpenditure',
        expenditureData(V, 'ZC-2013-002', yuan(50_001), '2013-03-21'),
        'RULE_VILLAGE_BALANCE_NEGATIVE',
        'data.amount',
      );
      // Back-dated before the cash arrived, it is not covered either.
      await expectRule(
        t,
        'RecordExpenditure',
        expenditureData(V, 'ZC-2013-002', yuan(100), '2013-03-01'),
        'RULE_VILLAGE_BALANCE_NEGATIVE',
        'data.amount',
      );
      await expectRule(
        t,
        'RecordExpenditure',
        expenditureData(V, 'ZC-2013-002', yuan(100), '2013-03-21', { approvalRef: '   ' }),
        'RULE_EXPENDITURE_NEEDS_APPROVAL',
        'data.approvalRef',
      );
      await expectExists(
        t,
        'RecordExpenditure',
        expenditureData(V, 'SR-2013-001', yuan(100), '2013-03-21', { voucherNo: '付-新-01' }),
        'data.entryId',
      );
    });

    it('remembers only accepted commands: one refused by a rule is accepted under the same commandId once the rule holds', async () => {
      const spending = envelope('RecordExpenditure', expenditureData(V, 'ZC-2013-010', yuan(80_000), '2013-03-25'));
      await expectRefused(t, spending, { status: 422, code: 'RULE_VILLAGE_BALANCE_NEGATIVE' });
      await record(t, 'RecordReceipt', receiptData(V, 'SR-2013-010', yuan(80_000), '2013-03-25'));
      const accepted = await t.command(spending).expect(201);
      expect(accepted.body.events).toEqual([{ eventId: expect.any(String), type: 'ExpenditureRecorded' }]);
      await record(t, 'ReverseEntry', reversalData(V, 'ZC-2013-010', '2013-03-26'));
      await record(t, 'ReverseEntry', reversalData(V, 'SR-2013-010', '2013-03-26'));
    });

    it('reverses an entry once, as a correction of it; a receipt whose cash was spent cannot be reversed', async () => {
      await expectRule(
        t,
        'ReverseEntry',
        reversalData(V, 'SR-2013-001'),
        'RULE_VILLAGE_BALANCE_NEGATIVE',
        'data.entryId',
      );
      await expectNotFound(t, 'ReverseEntry', reversalData(V, 'ZC-2099-404'), 'data.entryId');
      await expectRule(
        t,
        'ReverseEntry',
        reversalData(V, 'ZC-2013-001', '2013-03-19'),
        'RULE_REVERSAL_BEFORE_ENTRY',
        'data.on',
      );
      const reversed = await record(t, 'ReverseEntry', reversalData(V, 'ZC-2013-001', '2013-04-01'));
      expect(reversed.events).toEqual([{ eventId: expect.any(String), type: 'EntryReversed' }]);
      const [expenditure] = (await streamOf(`village-${V}`)).filter((e) => e.type === 'ExpenditureRecorded');
      expect((await t.runtime.events.findEvent(reversed.events[0].eventId))?.metadata.corrects).toBe(
        expenditure.eventId,
      );
      await expectRule(
        t,
        'ReverseEntry',
        reversalData(V, 'ZC-2013-001', '2013-04-02'),
        'RULE_ENTRY_ALREADY_REVERSED',
        'data.entryId',
      );
    });

    it('registers debts with ids unique in the village and settles them never beyond the debt', async () => {
      const registered = await record(t, 'RegisterDebt', debtData(V, 'ZW-2011-003', yuan(80_000)));
      expect(registered.events).toEqual([{ eventId: expect.any(String), type: 'DebtRegistered' }]);
      await expectExists(t, 'RegisterDebt', debtData(V, 'ZW-2011-003', yuan(5_000)), 'data.debtId');
      const settled = await record(
        t,
        'SettleDebt',
        settlementData(V, 'ZW-2011-003', yuan(30_000), '2013-12-25', 'repaid'),
      );
      expect(settled.events).toEqual([{ eventId: expect.any(String), type: 'DebtSettled' }]);
      await record(t, 'SettleDebt', settlementData(V, 'ZW-2011-003', yuan(20_000), '2014-06-30', 'written-off'));
      await expectRule(
        t,
        'SettleDebt',
        settlementData(V, 'ZW-2011-003', yuan(30_001), '2014-07-01'),
        'RULE_DEBT_OVERSETTLED',
        'data.amount',
      );
      await expectRule(
        t,
        'SettleDebt',
        settlementData(V, 'ZW-2011-003', yuan(1), '2011-12-19'),
        'RULE_SETTLEMENT_BEFORE_DEBT',
        'data.settledOn',
      );
      await expectNotFound(t, 'SettleDebt', settlementData(V, 'ZW-2099-404', yuan(1)), 'data.debtId');
    });

    it("shows the exact balance, the reversed entry marked and each debt's outstanding amount in the ledger", async () => {
      const { body } = await t.get(`/api/v1/villages/${V}/ledger`).expect(200);
      expect(body.balance).toEqual({ CNY: yuan(200_000).minor });
      expect(body.entries.map((e: { entryId: string; reversed: boolean }) => [e.entryId, e.reversed])).toEqual([
        ['SR-2013-001', false],
        ['ZC-2013-001', true],
        ['SR-2013-010', true],
        ['ZC-2013-010', true],
      ]);
      expect(body.debts).toEqual([
        expect.objectContaining({
          debtId: 'ZW-2011-003',
          amount: yuan(80_000),
          settled: yuan(50_000),
          outstanding: yuan(30_000),
        }),
      ]);
    });

    it.each([
      ['RecordExpenditure', expenditureData('songjiadian', 'ZC-1', yuan(1))],
      ['ReverseEntry', reversalData('songjiadian', 'SR-1')],
      ['RegisterDebt', debtData('songjiadian', 'ZW-1', yuan(1))],
      ['SettleDebt', settlementData('songjiadian', 'ZW-1', yuan(1))],
    ])('answers %s for a village that does not exist with 404 naming data.villageId', (type, data) =>
      expectNotFound(t, type, data, 'data.villageId'),
    );
  });

  describe('indicators (经济指标)', () => {
    it('reports an indicator, and revises a period only with a reason, as a correction of the report it replaces', async () => {
      const first = await record(t, 'ReportIndicator', indicatorData('gdp', '2012', 8_120_000_000_00));
      expect(first).toMatchObject({ stream: 'indicator-gdp', revision: 0, events: [{ type: 'IndicatorReported' }] });
      await record(t, 'ReportIndicator', indicatorData('gdp', '2015', 11_460_000_000_00));
      await expectRule(
        t,
        'ReportIndicator',
        indicatorData('gdp', '2012', 8_250_000_000_00),
        'RULE_REVISION_NEEDS_REASON',
        'data.reason',
      );
      const revision = await record(
        t,
        'ReportIndicator',
        indicatorData('gdp', '2012', 8_250_000_000_00, 'CNY', '县统计局年报终审数修订'),
      );
      expect((await t.runtime.events.findEvent(revision.events[0].eventId))?.metadata.corrects).toBe(
        first.events[0].eventId,
      );

      const { body } = await t.get(`/api/v1/terms/${TERM.termId}/summary`).expect(200);
      expect(body.indicators.gdp).toMatchObject({
        unit: 'CNY',
        first: { period: '2012', value: 8_250_000_000_00 },
        last: { period: '2015', value: 11_460_000_000_00 },
      });
    });

    it('never changes the unit of an indicator, and reports no period that has not begun (422)', async () => {
      await record(t, 'ReportIndicator', indicatorData('farmer-net-income', '2012', 9_860_00, 'CNY-per-capita'));
      await expectRule(
        t,
        'ReportIndicator',
        indicatorData('farmer-net-income', '2013', 10_900, 'count'),
        'RULE_INDICATOR_UNIT_CHANGED',
        'data.unit',
      );
      await expectRule(
        t,
        'ReportIndicator',
        indicatorData('farmer-net-income', '2999', 1, 'CNY-per-capita'),
        'RULE_PERIOD_IN_FUTURE',
        'data.period',
      );
      // A CNY figure is a whole number of 分: a fraction is refused before any state is read.
      await expectRefused(
        t,
        envelope('ReportIndicator', indicatorData('farmer-net-income', '2013', 10_900.5, 'CNY-per-capita')),
        { status: 400, code: 'VALIDATION_FAILED', path: 'data.value' },
      );
    });

    it('sets a target in the unit reported, for an indicator on record (404 otherwise)', async () => {
      await expectNotFound(
        t,
        'SetIndicatorTarget',
        { indicator: 'tourism-revenue', period: '2016', target: 1 },
        'data.indicator',
      );
      await record(t, 'ReportIndicator', indicatorData('fiscal-revenue', '2012', 5_003_000_000));
      await expectRule(
        t,
        'SetIndicatorTarget',
        { indicator: 'fiscal-revenue', period: '2016', target: 0 },
        'RULE_TARGET_NOT_POSITIVE',
        'data.target',
      );
      await expectRule(
        t,
        'SetIndicatorTarget',
        { indicator: 'fiscal-revenue', period: '2016', target: 6_500_000_000.5 },
        'RULE_INDICATOR_NOT_MINOR_UNITS',
        'data.target',
      );
      const answer = await record(t, 'SetIndicatorTarget', {
        indicator: 'fiscal-revenue',
        period: '2016',
        target: 6_500_000_000,
      });
      expect(answer).toMatchObject({
        stream: 'indicator-fiscal-revenue',
        revision: 1,
        events: [{ type: 'IndicatorTargetSet' }],
      });
    });
  });
});
