import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { filesHolding, storedFiles } from './support/stored-bytes';
import { CHINESE, expectExists, expectForbidden, expectNotFound, expectRefused, expectRule } from './support/refusals';
import {
  disputeData,
  envelope,
  indicatorData,
  investmentData,
  mediationData,
  milestoneData,
  projectData,
  receiptData,
  record,
  recordTownship,
  registerUser,
  TERM,
  wholeLogText,
  yuan,
} from './support/township';

const SUMMARY = `/api/v1/terms/${TERM.termId}/summary`;
const EVIDENCE = `${SUMMARY}/evidence?figure=villageFinance.receipts`;
const LEDGER = '/api/v1/villages/lijiazhuang/ledger';
const STREAM = '/api/v1/streams/village-lijiazhuang';
const EVENTS = '/api/v1/events?limit=5';

/** The role table of docs/api.md#who-may-call-what, request by request, with tokens the admin handed out. */
describe('who may do what', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let entry = 0;
  const newReceipt = (villageId = 'lijiazhuang') =>
    receiptData(villageId, `SR-2013-${String(++entry).padStart(3, '0')}`, yuan(1_200));

  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
    tokens.clerk = await registerUser(t, { userId: 'liu-kuaiji', name: '刘会计', role: 'clerk' });
    tokens.auditor = await registerUser(t, { userId: 'zhao-shenji', name: '赵审计', role: 'auditor' });
    tokens.supervisor = await registerUser(t, { userId: 'sun-zhuren', name: '孙主任', role: 'supervisor' });
    tokens.admin = ADMIN_TOKEN;
    await record(
      t,
      'RegisterDispute',
      disputeData('TJ-2013-001', { parties: [{ subjectId: 'DSR-2013-0001', name: '张秀英' }] }),
    );
  });
  afterAll(() => t.close());

  describe('registering users', () => {
    it('answers RegisterUser with the token once; the same command again answers without it', async () => {
      const sent = envelope('RegisterUser', { userId: 'qian-wenshu', name: '钱文书', role: 'clerk' });
      const first = await t.command(sent).expect(201);
      expect(first.body).toMatchObject({
        stream: 'users',
        events: [{ type: 'UserRegistered' }],
        token: expect.stringMatching(/^\S{20,}$/),
      });
      const again = await t.command(sent).expect(201);
      expect(again.body.token).toBeUndefined();
      const { token, ...withoutToken } = first.body;
      expect(again.body).toEqual(withoutToken);
      await t.get('/api/v1/terms', token).expect(200);
    });

    it('refuses a userId already taken (409) and a village not on record (404 naming its place)', async () => {
      await expectExists(t, 'RegisterUser', { userId: 'liu-kuaiji', name: '刘会计', role: 'auditor' }, 'data.userId');
      await expectNotFound(
        t,
        'RegisterUser',
        { userId: 'song-wenshu', name: '宋文书', role: 'clerk', villages: ['wangjiawan', 'songjiadian'] },
        'data.villages.1',
      );
    });

    it('changes a role only to another one, and never for a revoked user', async () => {
      await registerUser(t, { userId: 'zhou-lushi', name: '周律师', role: 'auditor' });
      await expectRule(
        t,
        'ChangeUserRole',
        { userId: 'zhou-lushi', role: 'auditor' },
        'RULE_ROLE_UNCHANGED',
        'data.role',
      );
      await expectNotFound(t, 'ChangeUserRole', { userId: 'nobody', role: 'clerk' }, 'data.userId');
      const changed = await record(t, 'ChangeUserRole', { userId: 'zhou-lushi', role: 'supervisor' });
      expect(changed.events).toEqual([{ eventId: expect.any(String), type: 'UserRoleChanged' }]);
      const revoked = await record(t, 'RevokeUser', { userId: 'zhou-lushi', reason: '聘用合同到期' });
      expect(revoked.events).toEqual([{ eventId: expect.any(String), type: 'UserRevoked' }]);
      await expectRule(
        t,
        'RevokeUser',
        { userId: 'zhou-lushi', reason: '再次停用' },
        'RULE_USER_ALREADY_REVOKED',
        'data.userId',
      );
      await expectRule(
        t,
        'ChangeUserRole',
        { userId: 'zhou-lushi', role: 'clerk' },
        'RULE_USER_REVOKED',
        'data.userId',
      );
      await expectNotFound(t, 'RevokeUser', { userId: 'nobody', reason: '调离' }, 'data.userId');
    });

    it.each(['clerk', 'auditor', 'supervisor'])('refuses user administration to the %s role (403)', async (role) => {
      await expectForbidden(
        t,
        'RegisterUser',
        { userId: `by-${role}`, name: '冒名用户', role: 'admin' },
        tokens[role],
        'FORBIDDEN_ROLE',
      );
      await expectForbidden(
        t,
        'ChangeUserRole',
        { userId: 'liu-kuaiji', role: 'admin' },
        tokens[role],
        'FORBIDDEN_ROLE',
      );
      await expectForbidden(t, 'RevokeUser', { userId: 'liu-kuaiji', reason: '越权' }, tokens[role], 'FORBIDDEN_ROLE');
    });

    it.each(['clerk', 'auditor', 'supervisor'])(
      'refuses ErasePersonalData to the %s role (403), whether or not the subject exists',
      async (role) => {
        // A 404 for an unknown subject would tell a non-admin which data subjects exist.
        await expectForbidden(
          t,
          'ErasePersonalData',
          { subjectId: 'DSR-2013-0001', reason: '越权' },
          tokens[role],
          'FORBIDDEN_ROLE',
        );
        await expectForbidden(
          t,
          'ErasePersonalData',
          { subjectId: 'DSR-0000-0404', reason: '越权' },
          tokens[role],
          'FORBIDDEN_ROLE',
        );
      },
    );
  });

  describe('the role table', () => {
    const OK = 200;
    const table: Record<string, { record: number; void: number; read: number; audit: number }> = {
      admin: { record: 201, void: 201, read: OK, audit: OK },
      clerk: { record: 201, void: 201, read: OK, audit: 403 },
      auditor: { record: 403, void: 403, read: OK, audit: OK },
      supervisor: { record: 403, void: 403, read: OK, audit: 403 },
    };

    it.each(Object.keys(table))('lets the %s role record (or not) as the table says', async (role) => {
      const sent = envelope('RecordReceipt', newReceipt());
      if (table[role].record === 201) await t.command(sent, tokens[role]).expect(201);
      else await expectRefused(t, sent, { status: 403, code: 'FORBIDDEN_ROLE' }, tokens[role]);
    });

    it.each(Object.keys(table))('lets the %s role void a record (or not) as the table says', async (role) => {
      await record(t, 'RegisterProject', projectData(`XM-VOID-${role}`, { villageId: 'lijiazhuang' }));
      const sent = envelope('VoidRecord', { stream: `project-XM-VOID-${role}`, reason: '重复登记' });
      if (table[role].void === 201) await t.command(sent, tokens[role]).expect(201);
      else await expectRefused(t, sent, { status: 403, code: 'FORBIDDEN_ROLE' }, tokens[role]);
    });

    it.each(Object.keys(table))('lets the %s role read summaries, the ledger and the terms', async (role) => {
      for (const path of [SUMMARY, LEDGER, '/api/v1/terms']) await t.get(path, tokens[role]).expect(table[role].read);
    });

    it.each(Object.keys(table))(
      'lets the %s role read the audit trail and evidence (or not) as the table says',
      async (role) => {
        for (const path of [STREAM, EVENTS, EVIDENCE]) {
          const response = await t.get(path, tokens[role]);
          expect({ path, status: response.status }).toEqual({ path, status: table[role].audit });
          if (response.status === 403)
            expect(response.body).toMatchObject({ code: 'FORBIDDEN_ROLE', detail: expect.stringMatching(CHINESE) });
        }
      },
    );
  });

  describe('a clerk limited to its villages', () => {
    let wang: string;
    beforeAll(async () => {
      wang = await registerUser(t, { userId: 'wang-wenshu', name: '王文书', role: 'clerk', villages: ['wangjiawan'] });
      await record(t, 'RegisterProject', projectData('XM-LJZ-01', { villageId: 'lijiazhuang' }));
      await record(
        t,
        'RegisterProject',
        projectData('XM-WJW-01', { villageId: 'wangjiawan', name: '王家湾村饮水安全工程' }),
      );
      await record(
        t,
        'RegisterProject',
        projectData('XM-TOWN-01', { name: '镇敬老院改造', category: 'public-service' }),
      );
      await record(t, 'RegisterDispute', disputeData('TJ-LJZ-01'));
      await record(t, 'SignInvestment', investmentData('ZS-TOWN-01'));
    });

    it('records for its own village', async () => {
      await t.command(envelope('RecordReceipt', newReceipt('wangjiawan')), wang).expect(201);
      await t
        .command(envelope('SignInvestment', investmentData('ZS-WJW-01', { villageId: 'wangjiawan' })), wang)
        .expect(201);
      await t
        .command(envelope('RecordMilestone', milestoneData('XM-WJW-01', 'construction-started', '2012-04-01')), wang)
        .expect(201);
      await t
        .command(envelope('RegisterDispute', disputeData('TJ-WJW-01', { villageId: 'wangjiawan' })), wang)
        .expect(201);
    });

    it('is refused a command for another village (403), directly or through the record it acts on', async () => {
      await expectForbidden(t, 'RecordReceipt', newReceipt('lijiazhuang'), wang, 'FORBIDDEN_VILLAGE_SCOPE');
      await expectForbidden(
        t,
        'SignInvestment',
        investmentData('ZS-LJZ-02', { villageId: 'lijiazhuang' }),
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
      await expectForbidden(
        t,
        'RecordMilestone',
        milestoneData('XM-LJZ-01', 'construction-started', '2012-04-01'),
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
      await expectForbidden(
        t,
        'RecordMediation',
        mediationData('TJ-LJZ-01', 'agreement'),
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
    });

    it('is refused a command that names no village (403)', async () => {
      await expectForbidden(t, 'SignInvestment', investmentData('ZS-NOV-01'), wang, 'FORBIDDEN_VILLAGE_SCOPE');
      await expectForbidden(t, 'RegisterProject', projectData('XM-NOV-01'), wang, 'FORBIDDEN_VILLAGE_SCOPE');
      await expectForbidden(
        t,
        'RecordMilestone',
        milestoneData('XM-TOWN-01', 'construction-started', '2012-04-01'),
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
      await expectForbidden(
        t,
        'RecordCapitalArrival',
        { investmentId: 'ZS-TOWN-01', amount: yuan(1_000_000), arrivedOn: '2012-06-01' },
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
      await expectForbidden(
        t,
        'ReportIndicator',
        indicatorData('gdp', '2012', 8_120_000_000_00),
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
      await expectForbidden(
        t,
        'OpenTerm',
        { termId: '2016-2021', name: '第十七届', startsOn: '2016-10-01', endsOn: '2021-09-30' },
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
    });

    it("is refused (403) on another village's record before being told anything about its state", async () => {
      await record(t, 'RegisterProject', projectData('XM-LJZ-02', { villageId: 'lijiazhuang' }));
      await record(t, 'VoidRecord', { stream: 'project-XM-LJZ-02', reason: '重复登记' });
      await expectForbidden(
        t,
        'RecordMilestone',
        milestoneData('XM-LJZ-02', 'construction-started', '2012-04-01'),
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
      await expectForbidden(
        t,
        'VoidRecord',
        { stream: 'project-XM-LJZ-02', reason: '重复登记' },
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
      const stale = envelope('RecordMilestone', milestoneData('XM-LJZ-01', 'agreement-signed', '2012-03-15'), {
        expectedRevision: 7,
      });
      await expectRefused(t, stale, { status: 403, code: 'FORBIDDEN_VILLAGE_SCOPE' }, wang);
    });

    it('voids only what it may record', async () => {
      await t.command(envelope('VoidRecord', { stream: 'dispute-TJ-WJW-01', reason: '重复登记' }), wang).expect(201);
      await expectForbidden(
        t,
        'VoidRecord',
        { stream: 'project-XM-LJZ-01', reason: '重复登记' },
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
      await expectForbidden(
        t,
        'VoidRecord',
        { stream: 'investment-ZS-TOWN-01', reason: '重复登记' },
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
      await expectForbidden(
        t,
        'VoidRecord',
        { stream: 'project-XM-TOWN-01', reason: '重复登记' },
        wang,
        'FORBIDDEN_VILLAGE_SCOPE',
      );
    });
  });

  describe('a change of role or a revocation', () => {
    it('takes a new role into account on the very next request', async () => {
      const chen = await registerUser(t, { userId: 'chen-luru', name: '陈录入', role: 'clerk' });
      await t.command(envelope('RecordReceipt', newReceipt()), chen).expect(201);
      await record(t, 'ChangeUserRole', { userId: 'chen-luru', role: 'supervisor' });
      await expectForbidden(t, 'RecordReceipt', newReceipt(), chen, 'FORBIDDEN_ROLE');
      await t.get(STREAM, chen).expect(403);
      await t.get(SUMMARY, chen).expect(200);
      await record(t, 'ChangeUserRole', { userId: 'chen-luru', role: 'auditor' });
      await t.get(STREAM, chen).expect(200);
      await record(t, 'ChangeUserRole', { userId: 'chen-luru', role: 'clerk' });
      await t.command(envelope('RecordReceipt', newReceipt()), chen).expect(201);
    });

    it("makes a revoked user's token fail (401) at once", async () => {
      const he = await registerUser(t, { userId: 'he-luru', name: '何录入', role: 'clerk' });
      await t.get(SUMMARY, he).expect(200);
      await record(t, 'RevokeUser', { userId: 'he-luru', reason: '调离本镇' });
      const refused = await t.get(SUMMARY, he).expect(401);
      expect(refused.body).toMatchObject({ code: 'UNAUTHORIZED', detail: expect.stringMatching(CHINESE) });
      await expectRefused(t, envelope('RecordReceipt', newReceipt()), { status: 401, code: 'UNAUTHORIZED' }, he);
    });
  });

  describe('without a valid token', () => {
    it.each([
      ['no Authorization header', undefined],
      ['a wrong bearer token', 'Bearer not-a-token-of-this-ledger'],
      ['another scheme', `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`],
      ['an empty bearer', 'Bearer '],
    ])('answers %s with 401 and appends nothing', async (_, authorization) => {
      const before = await t.runtime.events.headPosition();
      const post = t.http.post('/api/v1/commands');
      const get = t.http.get(SUMMARY);
      if (authorization) {
        post.set('Authorization', authorization);
        get.set('Authorization', authorization);
      }
      const posted = await post.send(envelope('RecordReceipt', newReceipt()));
      expect(posted.body).toMatchObject({ status: 401, code: 'UNAUTHORIZED', detail: expect.stringMatching(CHINESE) });
      await get.expect(401);
      expect(await t.runtime.events.headPosition()).toBe(before);
    });

    it('takes no token from the URL', async () => {
      await t.http.get(`/api/v1/terms?access_token=${ADMIN_TOKEN}`).expect(401);
      await t.http.get(`/api/v1/terms?token=${ADMIN_TOKEN}`).expect(401);
    });
  });

  it('never writes a token into the log', async () => {
    const handedOut = Object.entries(tokens)
      .filter(([role]) => role !== 'admin')
      .map(([, token]) => token);
    expect(handedOut).toHaveLength(3);
    const log = await wholeLogText(t);
    expect(log).toContain('liu-kuaiji');
    for (const token of [...handedOut, ADMIN_TOKEN]) expect(log).not.toContain(token);
    // Not in any stored file either, the secret store included: it keeps only the tokens' hashes.
    expect(storedFiles(t.dataDir).map((f) => f.file)).toEqual(expect.arrayContaining(['events.db', 'secrets.db']));
    for (const token of handedOut) expect(filesHolding(t.dataDir, token)).toEqual([]);
  });
});
