import { addDays } from '@sunshine/domain';
import { EventLog, project } from '../records/testing/event-log';
import { raiseWarning, raiseWarnings, withHandling } from './evaluate';
import { DEFAULT_WARNING_THRESHOLDS as DEFAULTS } from './thresholds';

const cny = (yuan: number) => ({ currency: 'CNY', minor: yuan * 100 });

/**
 * The evaluator over the records projection: one warning asked by its id answers exactly as the
 * whole list does, whatever colons the ids hold; handling as of a date.
 */
describe('warnings evaluated as of a date', () => {
  const log = new EventLog();
  log.append('terms', 'TermOpened', { termId: 'T', name: '本届', startsOn: '2026-01-01', endsOn: '2030-12-31' });
  log.append('village-V:1', 'VillageRegistered', { villageId: 'V:1', name: '东村' });
  // Ids may hold colons: a warningId's parts are found by the records that exist.
  log.append(
    'village-V:1',
    'DebtRegistered',
    { villageId: 'V:1', debtId: 'D:2', creditor: '信用社', amount: cny(10_000), incurredOn: '2026-02-01' },
    '2026-02-01',
  );
  log.append(
    'village-V:1',
    'ExpenditureRecorded',
    {
      villageId: 'V:1',
      entryId: 'E:1',
      amount: cny(60_000),
      category: 'administration',
      payee: '宾馆',
      voucherNo: '支-1',
      approvalRef: '决议1号',
      on: '2026-03-01',
    },
    '2026-03-01',
  );
  log.append(
    'project-P:9',
    'ProjectRegistered',
    {
      projectId: 'P:9',
      name: '文化广场',
      category: 'infrastructure',
      registeredOn: '2025-01-01',
      plannedInvestment: cny(1),
      villageId: 'V:1',
    },
    '2025-01-01',
  );
  log.append(
    'project-P:9',
    'MilestoneReached',
    { projectId: 'P:9', milestone: 'construction-started', reachedOn: '2025-02-01' },
    '2025-02-01',
  );
  log.append(
    'audit-A:1',
    'AuditOpened',
    {
      auditId: 'A:1',
      subject: { kind: 'project', id: 'P:9' },
      scope: 'funds',
      openedOn: '2026-01-05',
      leadAuditor: '王',
    },
    '2026-01-05',
  );
  log.append(
    'audit-A:1',
    'FindingRecorded',
    { auditId: 'A:1', findingId: 'F:1', severity: 'critical', description: '虚列支出', foundOn: '2026-01-10' },
    '2026-01-10',
  );
  log.append('indicator-share', 'IndicatorReported', {
    indicator: 'share',
    period: '2026-01/2026-06',
    value: 9,
    unit: 'percent',
  });
  log.append('indicator-share', 'IndicatorTargetSet', { indicator: 'share', period: '2026', target: 20 });
  const store = project(log.events);
  const asOf = '2026-07-15';

  it('answers one warning by its id exactly as the list has it', async () => {
    const all = await raiseWarnings(store, asOf, DEFAULTS);
    expect(all.map((w) => w.warningId).sort()).toEqual([
      'finding-unrectified:audit-A:1:F:1',
      'indicator-behind-target:indicator-share',
      'large-administration-expense:village-V:1:E:1',
      'new-village-debt:village-V:1:D:2',
      'project-stalled:project-P:9',
    ]);
    for (const warning of all) expect(await raiseWarning(store, warning.warningId, asOf, DEFAULTS)).toEqual(warning);
    expect(await raiseWarning(store, 'new-village-debt:village-V:1:D:3', asOf, DEFAULTS)).toBeUndefined();
    expect(await raiseWarning(store, 'dispute-overdue:project-P:9', asOf, DEFAULTS)).toBeUndefined();
  });

  it("puts an audit of a project in the project's village", async () => {
    const finding = await raiseWarning(store, 'finding-unrectified:audit-A:1:F:1', asOf, DEFAULTS);
    expect(finding).toMatchObject({ villageId: 'V:1', level: 'red', raisedOn: addDays('2026-01-10', 30) });
  });

  it('holds a percent indicator against its whole target: 9 % is below half of 20 %', async () =>
    expect(await raiseWarning(store, 'indicator-behind-target:indicator-share', asOf, DEFAULTS)).toMatchObject({
      level: 'red',
      facts: { elapsedShare: 1 },
    }));

  it('is handled as of a date on or after a handling, and open again when it turned red after it', async () => {
    const yellow = (await raiseWarning(store, 'project-stalled:project-P:9', '2025-05-15', DEFAULTS))!;
    expect(yellow.level).toBe('yellow');
    const handling = {
      handledOn: '2025-06-01',
      action: 'explained' as const,
      note: '资金待拨付',
      by: { userId: 'jw', role: 'supervisor' },
      recordedAt: '2025-06-01T02:00:00.000Z',
      eventId: 'h1',
    };
    const doc = { stream: 'warning-x', voided: false, warningId: yellow.warningId, handlings: [handling], refs: [] };
    expect(withHandling(yellow, doc, '2025-05-31')).toMatchObject({ status: 'open', handling: [] });
    expect(withHandling(yellow, doc, '2025-06-01')).toMatchObject({ status: 'handled', handling: [handling] });
    const red = (await raiseWarning(store, 'project-stalled:project-P:9', '2025-08-01', DEFAULTS))!;
    expect(red).toMatchObject({ level: 'red', raisedOn: '2025-07-31' });
    expect(withHandling(red, doc, '2025-08-01')).toMatchObject({ status: 'open', handling: [handling] });
  });
});
