import Database from 'better-sqlite3';
import { join } from 'node:path';
import { CHINESE, errorPaths } from './support/refusals';
import { startTestApp, TestApp } from './support/test-app';
import {
  auditData,
  debtData,
  disputeData,
  expenditureData,
  findingData,
  indicatorData,
  investmentData,
  milestoneData,
  PARTIES,
  projectData,
  receiptData,
  record,
  recordTownship,
  registerUser,
  reversalData,
  settlementData,
  yuan,
} from './support/township';

type Summary = {
  key: string;
  id: string;
  kind: string;
  title: string;
  villageName: string | null;
  statusText: string | null;
};

/** GET /api/v1/records and /records/{key}: what lists, pickers and record pages read. */
describe('records for lists, pickers and record pages', () => {
  let t: TestApp;
  let clerk: string;
  let wangClerk: string;
  let supervisor: string;
  let signed: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date('2014-06-01T02:00:00Z') });
    await recordTownship(t);
    const signing = await record(
      t,
      'SignInvestment',
      investmentData('ZS-2012-007', { villageId: 'lijiazhuang', amount: { currency: 'CNY', minor: 1_200_500_000 } }),
    );
    signed = signing.events[0].eventId;
    await record(t, 'AmendInvestment', {
      investmentId: 'ZS-2012-007',
      investor: '鲁南精工股份有限公司',
      reason: '企业改制更名',
    });
    await record(t, 'RegisterProject', projectData('XM-2012-001', { villageId: 'wangjiawan', name: '王家湾村便民桥' }));
    await record(t, 'RecordMilestone', milestoneData('XM-2012-001', 'construction-started', '2012-04-01'));
    await record(t, 'RegisterDispute', disputeData('TJ-2013-001'));
    await record(t, 'OpenAudit', auditData('SJ-2013-001', { kind: 'village', id: 'lijiazhuang' }));
    await record(t, 'RecordFinding', findingData('SJ-2013-001', 'F1', 'major'));
    await record(t, 'RecordReceipt', receiptData('lijiazhuang', 'SR-1', yuan(50_000)));
    await record(t, 'RecordReceipt', receiptData('lijiazhuang', 'SR-2', yuan(8_000), '2013-03-06'));
    await record(t, 'ReverseEntry', reversalData('lijiazhuang', 'SR-2'));
    await record(t, 'RecordReceipt', receiptData('wangjiawan', 'SR-9', yuan(1_000)));
    await record(t, 'RecordExpenditure', expenditureData('wangjiawan', 'ZC-1', yuan(0.5), '2013-03-20'));
    await record(t, 'RegisterDebt', debtData('wangjiawan', 'ZW-1', yuan(100_000)));
    await record(t, 'SettleDebt', settlementData('wangjiawan', 'ZW-1', yuan(40_000)));
    await record(t, 'ReportIndicator', indicatorData('gdp', '2013', 1_280_000_000_00));
    clerk = await registerUser(t, { userId: 'li-luru', name: '李录入', role: 'clerk' });
    wangClerk = await registerUser(t, {
      userId: 'wang-wenshu',
      name: '王文书',
      role: 'clerk',
      villages: ['wangjiawan'],
    });
    supervisor = await registerUser(t, { userId: 'sun-jiandu', name: '孙监督', role: 'supervisor' });
  });
  afterAll(() => t.close());

  const list = async (query: string, token?: string) =>
    (await t.get(`/api/v1/records${query}`, token).expect(200)).body as { records: Summary[]; next: string | null };

  it('lists investments with their investor, village by name, amount in 分 and status in Chinese', async () => {
    const { records, next } = await list('?kind=investment');
    expect(next).toBeNull();
    expect(records).toEqual([
      {
        kind: 'investment',
        kindText: '招商项目',
        key: 'investment-ZS-2012-007',
        stream: 'investment-ZS-2012-007',
        id: 'ZS-2012-007',
        title: '鲁南精工股份有限公司',
        villageId: 'lijiazhuang',
        villageName: '李家庄村',
        amount: { currency: 'CNY', minor: 1_200_500_000 },
        date: '2012-05-18',
        status: 'signed',
        statusText: '已签约',
        voided: false,
      },
    ]);
  });

  it('gives every kind a Chinese title and status, and never a dispute party or its summary', async () => {
    const response = await t.get('/api/v1/records?limit=500').expect(200);
    const byKey = new Map((response.body.records as Summary[]).map((r) => [r.key, r]));
    expect(byKey.get('project-XM-2012-001')).toMatchObject({ title: '王家湾村便民桥', statusText: '在建' });
    expect(byKey.get('dispute-TJ-2013-001')).toMatchObject({
      title: '房屋宅基地（2013年4月8日受理）',
      statusText: '调处中',
    });
    expect(byKey.get('audit-SJ-2013-001')).toMatchObject({ title: '李家庄村资金审计', statusText: '审计中' });
    expect(byKey.get('audit-SJ-2013-001/finding/F1')).toMatchObject({ kind: 'finding', statusText: '待整改' });
    expect(byKey.get('village-lijiazhuang/entry/SR-2')).toMatchObject({
      title: '收入：镇财政所',
      statusText: '已冲销',
    });
    expect(byKey.get('village-wangjiawan/debt/ZW-1')).toMatchObject({ statusText: '部分化解' });
    expect(byKey.get('term/2011-2016')).toMatchObject({ title: '第十六届', statusText: '任期中' });
    expect(byKey.get('indicator-gdp')).toMatchObject({ kind: 'indicator', statusText: '已报送' });
    for (const summary of byKey.values()) expect(summary.title).toMatch(CHINESE);
    for (const personal of [PARTIES.zhangXiuying.name, PARTIES.liJianguo.idNumber, PARTIES.liJianguo.phone, '院墙排水'])
      expect(response.text).not.toContain(personal);
  });

  it('finds records by Chinese words, by village and by term', async () => {
    expect((await list(`?q=${encodeURIComponent('精工')}`)).records.map((r) => r.key)).toEqual([
      'investment-ZS-2012-007',
    ]);
    const village = await list('?villageId=wangjiawan');
    expect(village.records.map((r) => r.key).sort()).toEqual(
      [
        'project-XM-2012-001',
        'village-wangjiawan',
        'village-wangjiawan/debt/ZW-1',
        'village-wangjiawan/entry/SR-9',
        'village-wangjiawan/entry/ZC-1',
      ].sort(),
    );
    const vouchers = await list(`?kind=entry&q=${encodeURIComponent('收-SR-1')}`);
    expect(vouchers.records.map((r) => r.id)).toEqual(['SR-1']);
    const term = await list('?termId=2011-2016&kind=entry');
    expect(term.records).toHaveLength(4);
    await t.get('/api/v1/records?termId=1999-2004').expect(404);
  });

  it('pages through all kinds with the cursor it hands out, each record once', async () => {
    const whole = (await list('?limit=500')).records.map((r) => r.key);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: { records: Summary[]; next: string | null } = await list(
        `?limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      expect(page.records.length).toBeLessThanOrEqual(2);
      paged.push(...page.records.map((r) => r.key));
      after = page.next;
    } while (after);
    expect(paged).toEqual(whole);
    expect(whole.length).toBeGreaterThan(12);
  });

  it('refuses a kind, a limit or a cursor it does not know with a problem naming the parameter', async () => {
    for (const [query, path] of [
      ['?kind=people', 'kind'],
      ['?limit=0', 'limit'],
      ['?after=not-a-cursor', 'after'],
      ['?villageId=%20x', 'villageId'],
    ]) {
      const response = await t.get(`/api/v1/records${query}`).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(errorPaths(response.body)).toContain(path);
      expect(response.body.detail).toMatch(CHINESE);
    }
  });

  it('shows a clerk limited to a village only that village, and its record pages only', async () => {
    const seen = (await list('?limit=500', wangClerk)).records;
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((r) => r.villageName))).toEqual(new Set(['王家湾村']));
    await t.get('/api/v1/records/village-wangjiawan/debt/ZW-1', wangClerk).expect(200);
    const elsewhere = await t.get('/api/v1/records/investment-ZS-2012-007', wangClerk).expect(403);
    const nowhere = await t.get('/api/v1/records/investment-ZS-1900-001', wangClerk).expect(403);
    expect(nowhere.body.detail).toBe(elsewhere.body.detail);
    await t.get('/api/v1/records/investment-ZS-1900-001', clerk).expect(404);
  });

  it("shows a record's state, history with both clocks and reasons, and the corrections it allows", async () => {
    const page = (await t.get('/api/v1/records/investment-ZS-2012-007', clerk).expect(200)).body;
    expect(page).toMatchObject({ kind: 'investment', title: '鲁南精工股份有限公司', villageName: '李家庄村' });
    expect(page.fields).toEqual(
      expect.arrayContaining([
        {
          path: 'amount',
          label: '签约金额',
          value: { currency: 'CNY', minor: 1_200_500_000 },
          text: '12,005,000.00元',
        },
        { path: 'origin', label: '资金来源', value: 'domestic', text: '内资' },
        { path: 'villageId', label: '所在村', value: 'lijiazhuang', text: '李家庄村', record: 'village-lijiazhuang' },
      ]),
    );
    const [signing, amendment] = page.history;
    expect(signing).toMatchObject({
      eventId: signed,
      typeText: '招商签约',
      occurredOn: '2012-05-18',
      correctedBy: [amendment.eventId],
    });
    expect(signing.recordedAt).toMatch(/^2014-06-01T/);
    expect(amendment).toMatchObject({
      typeText: '更正签约',
      reason: '企业改制更名',
      corrects: signed,
      actor: { userId: 'admin', roleText: '管理员' },
    });
    expect(page.corrections.map((c: { type: string }) => c.type)).toEqual([
      'AmendInvestment',
      'TerminateInvestment',
      'VoidRecord',
    ]);
    for (const correction of page.corrections) expect(correction.reason).toBe('data.reason');
    expect(page.corrections[2].data).toEqual({ stream: 'investment-ZS-2012-007' });
    expect(page.followUps.map((c: { type: string }) => c.type)).toEqual(['RecordCapitalArrival']);
    const read = (await t.get('/api/v1/records/investment-ZS-2012-007', supervisor).expect(200)).body;
    expect(read.corrections).toEqual([]);
    expect(read.followUps).toEqual([]);
  });

  it('opens records kept inside a stream by their key, sent as it is or encoded', async () => {
    const page = (await t.get('/api/v1/records/village-lijiazhuang/entry/SR-2').expect(200)).body;
    const encoded = (await t.get(`/api/v1/records/${encodeURIComponent('village-lijiazhuang/entry/SR-2')}`).expect(200))
      .body;
    expect(encoded).toEqual(page);
    expect(page).toMatchObject({ kind: 'entry', statusText: '已冲销', corrections: [] });
    expect(page.history.map((h: { typeText: string }) => h.typeText)).toEqual(['登记收入', '冲销分录']);
    expect(page.history[1].reason).toBe('凭证重复入账');
    const open = (await t.get('/api/v1/records/village-lijiazhuang/entry/SR-1').expect(200)).body;
    expect(open.corrections).toEqual([
      {
        type: 'ReverseEntry',
        title: '冲销分录',
        data: { villageId: 'lijiazhuang', entryId: 'SR-1' },
        reason: 'data.reason',
      },
    ]);
    const finding = (await t.get('/api/v1/records/audit-SJ-2013-001/finding/F1').expect(200)).body;
    expect(finding.followUps).toEqual([
      expect.objectContaining({ type: 'RecordRectification', data: { auditId: 'SJ-2013-001', findingId: 'F1' } }),
    ]);
    await t.get('/api/v1/records/village-lijiazhuang/entry/NONE').expect(404);
    await t.get('/api/v1/records/nothing-here').expect(404);
  });

  it("never shows a dispute's parties or its summary on its page", async () => {
    const response = await t.get('/api/v1/records/dispute-TJ-2013-001').expect(200);
    for (const personal of [
      PARTIES.zhangXiuying.name,
      PARTIES.zhangXiuying.idNumber,
      PARTIES.liJianguo.phone,
      '院墙排水',
    ])
      expect(response.text).not.toContain(personal);
    expect(response.body.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: '当事人', text: '2名当事人（个人信息已加密）' })]),
    );
  });

  it('marks a voided record in lists and offers nothing more on its page', async () => {
    await record(t, 'RegisterProject', projectData('XM-2013-009', { name: '误录项目' }));
    await record(t, 'VoidRecord', { stream: 'project-XM-2013-009', reason: '重复登记' });
    const [voided] = (await list(`?kind=project&q=${encodeURIComponent('误录')}`)).records;
    expect(voided).toMatchObject({ voided: true, statusText: '已作废' });
    const page = (await t.get('/api/v1/records/project-XM-2013-009').expect(200)).body;
    expect(page.corrections).toEqual([]);
    expect(page.followUps).toEqual([]);
    expect(page.history.at(-1)).toMatchObject({ typeText: '作废记录', reason: '重复登记', voided: true });
  });

  it('lists users for an administrator, with roles and villages in Chinese, and to nobody else', async () => {
    const { users } = (await t.get('/api/v1/users').expect(200)).body;
    expect(users.find((u: { userId: string }) => u.userId === 'wang-wenshu')).toEqual({
      userId: 'wang-wenshu',
      name: '王文书',
      role: 'clerk',
      roleText: '录入员',
      villages: [{ villageId: 'wangjiawan', name: '王家湾村' }],
      revoked: false,
      passwordSet: false,
      builtIn: false,
    });
    expect(JSON.stringify(users)).not.toMatch(/token/i);
    // A password is kept only as a hash beside the tokens; the list says that one is set, nothing more.
    const secrets = new Database(join(t.dataDir, 'secrets.db'));
    secrets.prepare('INSERT INTO passwords (user_id, hash) VALUES (?, ?)').run('li-luru', 'scrypt$not-a-real-hash');
    secrets.close();
    const after = (await t.get('/api/v1/users').expect(200)).body.users;
    expect(after.find((u: { userId: string }) => u.userId === 'li-luru')).toMatchObject({ passwordSet: true });
    expect(JSON.stringify(after)).not.toContain('not-a-real-hash');
    await t.get('/api/v1/users', clerk).expect(403);
    await t.get('/api/v1/users', supervisor).expect(403);
  });
});
