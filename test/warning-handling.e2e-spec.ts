import { CommandRecorder, yuan } from './support/recorder';
import { expectRefused } from './support/refusals';
import { nextCommandId, startTestApp, TestApp } from './support/test-app';
import { movableClock, recordTownship, warningAsOf, warningsOf } from './support/warnings';
import { dayOf, downloadXlsx } from './support/xlsx';

const handle = (warningId: string, handledOn: string, action = 'explained', note = '已约谈村委会主任，限期说明') => ({
  type: 'HandleWarning',
  commandId: nextCommandId('handle'),
  data: { warningId, handledOn, action, note },
});

/** A dispute received on 2026-03-01 is yellow from 2026-03-31 and red from 2026-04-30; today is 2026-04-05. */
describe('handling a warning (HandleWarning)', () => {
  let t: TestApp;
  let r: CommandRecorder;
  let time: ReturnType<typeof movableClock>;
  let supervisor: string;
  let clerk: string;
  const id = 'dispute-overdue:dispute-D-1';

  beforeAll(async () => {
    time = movableClock('2026-04-05');
    t = await startTestApp({ clock: time.clock });
    r = new CommandRecorder(t);
    await recordTownship(r);
    await r.send('RegisterDispute', {
      disputeId: 'D-1',
      category: 'land-acquisition',
      receivedOn: '2026-03-01',
      summary: '征地补偿',
      parties: [{ name: '李四' }],
      villageId: 'V01',
    });
    supervisor = (await r.send('RegisterUser', { userId: 'jiwei', name: '纪委书记', role: 'supervisor' })).token!;
    clerk = (await r.send('RegisterUser', { userId: 'luru', name: '录入员', role: 'clerk' })).token!;
  });
  afterAll(() => t.close());

  it('refuses a warning the rules did not raise on the day it names, and changes nothing', async () => {
    await expectRefused(t, handle(id, '2026-03-30'), { status: 404, path: 'data.warningId' });
    await expectRefused(t, handle('dispute-overdue:dispute-D-404', '2026-04-05'), {
      status: 404,
      path: 'data.warningId',
    });
    await expectRefused(t, handle('capital-arrival-low:dispute-D-1', '2026-04-05'), {
      status: 404,
      path: 'data.warningId',
    });
  });

  it('refuses a bad warning id or action before reading anything', async () => {
    await expectRefused(t, handle('overdue:dispute-D-1', '2026-04-05'), { status: 400, path: 'data.warningId' });
    await expectRefused(t, handle(id, '2026-04-05', 'ignored'), { status: 400, path: 'data.action' });
  });

  it('is for supervisors and admins, not for the clerks whose records raised it', async () => {
    await expectRefused(t, handle(id, '2026-04-05'), { status: 403, code: 'FORBIDDEN_ROLE' }, clerk);
  });

  it('records the handling in the log; the warning stays listed, as handled', async () => {
    const answer = await t.command(handle(id, '2026-04-05', 'rectifying', '督促调解员本周内再次调解'), supervisor);
    expect(answer.status).toBe(201);
    expect(answer.body.stream).toBe(`warning-${id}`);
    const trail = await t.get(`/api/v1/streams/warning-${id}`).expect(200);
    expect(trail.body.events).toMatchObject([
      {
        type: 'WarningHandled',
        occurredOn: '2026-04-05',
        actor: { userId: 'jiwei', role: 'supervisor' },
        data: { warningId: id, handledOn: '2026-04-05', action: 'rectifying', note: '督促调解员本周内再次调解' },
        integrity: 'verified',
      },
    ]);
    const warning = await warningAsOf(t, id, '2026-04-05');
    expect(warning).toMatchObject({ level: 'yellow', status: 'handled' });
    expect(warning?.handling).toMatchObject([
      { handledOn: '2026-04-05', action: 'rectifying', by: { userId: 'jiwei', role: 'supervisor' } },
    ]);
  });

  it('leaves the open list once handled, and is open as of a day before its handling', async () => {
    const open = (await warningsOf(t, '?asOf=2026-04-05&status=open')).map((w) => w.warningId);
    expect(open).not.toContain(id);
    const handled = (await warningsOf(t, '?asOf=2026-04-05&status=handled')).map((w) => w.warningId);
    expect(handled).toEqual([id]);
    expect(await warningAsOf(t, id, '2026-04-04')).toMatchObject({ status: 'open', handling: [] });
  });

  it('is raised again, open at red with its earlier handling kept, when it worsens after a yellow was handled', async () => {
    time.setToday('2026-05-02');
    const red = await warningAsOf(t, id, '2026-04-30');
    expect(red).toMatchObject({ level: 'red', raisedOn: '2026-04-30', status: 'open' });
    expect(red?.handling).toHaveLength(1);
    expect((await warningsOf(t, '?asOf=2026-04-30&status=open')).map((w) => w.warningId)).toContain(id);

    expect((await t.command(handle(id, '2026-05-01', 'referred', '移交县纪委'))).status).toBe(201);
    const handledRed = await warningAsOf(t, id, '2026-05-02');
    expect(handledRed).toMatchObject({ level: 'red', status: 'handled' });
    expect(handledRed?.handling.map((h) => h.action)).toEqual(['rectifying', 'referred']);
  });

  it('keeps its trail in date order and never in the future', async () => {
    await expectRefused(t, handle(id, '2026-04-20'), { status: 422, code: 'RULE_HANDLING_BEFORE_PREVIOUS' });
    await expectRefused(t, handle(id, '2026-05-03'), {
      status: 422,
      code: 'RULE_DATE_IN_FUTURE',
      path: 'data.handledOn',
    });
  });

  it('cannot be voided: a handling is answered by the next one', async () => {
    await expectRefused(
      t,
      { type: 'VoidRecord', commandId: nextCommandId('void'), data: { stream: `warning-${id}`, reason: '误录' } },
      { status: 422, code: 'RULE_NOT_VOIDABLE' },
    );
  });

  it('downloads as xlsx with the same rows as the JSON answer', async () => {
    const json = await warningsOf(t, '?asOf=2026-05-02');
    const { sheets, workbook } = await downloadXlsx(t, '/api/v1/warnings?asOf=2026-05-02&format=xlsx');
    const sheet = workbook.worksheets[0];
    const [headers, ...body] = sheets['预警清单'];
    expect(headers).toEqual([
      '预警级别',
      '预警类型',
      '村',
      '记录',
      '预警说明',
      '预警日期',
      '处置状态',
      '处置记录',
      '预警编号',
    ]);
    expect(body).toHaveLength(json.length);
    const levelWord = { red: '红色预警', yellow: '黄色预警' };
    const statusWord = { open: '待处置', handled: '已处置' };
    body.forEach((row, i) => {
      const w = json[i];
      expect(row[0]).toBe(levelWord[w.level]);
      expect(row[4]).toBe(w.detail);
      expect(dayOf(row[5])).toBe(w.raisedOn);
      expect(row[6]).toBe(statusWord[w.status]);
      expect(row[8]).toBe(w.warningId);
    });
    const dispute = body[json.findIndex((w) => w.warningId === id)];
    expect(dispute.slice(1, 4)).toEqual(['纠纷超期未结', '东村', '征地拆迁（D-1）']);
    expect(dispute[7]).toContain('2026年4月5日 正在整改（jiwei）：督促调解员本周内再次调解');
    expect(sheet.getCell('F2').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(sheets['说明']).toContainEqual(['截至日期', '2026年5月2日']);
  });
});

describe('warnings thresholds set by configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      clock: movableClock('2026-06-30').clock,
      env: {
        SUNSHINE_WARN_DISPUTE_OVERDUE_DAYS: '10,20',
        SUNSHINE_WARN_ADMINISTRATION_EXPENSE_YUAN: '10000,30000',
      },
    });
    const r = new CommandRecorder(t);
    await recordTownship(r);
    await r.send('RegisterDispute', {
      disputeId: 'D-9',
      category: 'contract',
      receivedOn: '2026-06-01',
      summary: '合同纠纷',
      parties: [{ name: '王五' }],
    });
    await r.send('RecordExpenditure', {
      villageId: 'V01',
      entryId: 'E-9',
      amount: yuan(10_000),
      category: 'administration',
      payee: '办公用品店',
      voucherNo: '支-009',
      approvalRef: '村民代表会议〔2026〕9号',
      on: '2026-06-01',
    });
  });
  afterAll(() => t.close());

  it.each([
    ['2026-06-10', null],
    ['2026-06-11', 'yellow'],
    ['2026-06-20', 'yellow'],
    ['2026-06-21', 'red'],
  ])('a dispute received on 2026-06-01 as of %s: %s', async (asOf, level) =>
    expect((await warningAsOf(t, 'dispute-overdue:dispute-D-9', asOf))?.level ?? null).toBe(level),
  );

  it('an administration expense of 10,000 yuan is yellow at a 10,000-yuan line', async () =>
    expect(await warningAsOf(t, 'large-administration-expense:village-V01:E-9', '2026-06-30')).toMatchObject({
      level: 'yellow',
    }));

  it('a warning of no village has a null villageId', async () =>
    expect(await warningAsOf(t, 'dispute-overdue:dispute-D-9', '2026-06-30')).toMatchObject({ villageId: null }));
});
