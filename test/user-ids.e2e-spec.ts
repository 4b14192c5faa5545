import { randomUUID } from 'node:crypto';
import { USERS_STREAM } from '@sunshine/application';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { envelope, registerUser } from './support/township';

/** Opens a browser session with a bearer token and returns its cookie. */
const signIn = async (t: TestApp, token: string): Promise<string> => {
  const response = await t.http.post('/api/v1/session').set('Authorization', `Bearer ${token}`).expect(201);
  return String(response.headers['set-cookie']).split(';')[0];
};

describe('user ids that could pass for someone else', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses to register the built-in admin id, in any case, and appends nothing', async () => {
    const head = await t.runtime.events.headPosition();
    for (const userId of ['admin', 'Admin']) {
      const response = await t.command(envelope('RegisterUser', { userId, name: '冒名者', role: 'clerk' })).expect(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        code: 'CONFLICT_USER_ID_RESERVED',
        errors: [expect.objectContaining({ path: 'data.userId' })],
      });
      expect(response.body.token).toBeUndefined();
    }
    expect(await t.runtime.events.headPosition()).toBe(head);
    // The admin's own token still works.
    expect((await t.get('/api/v1/session').expect(200)).body).toMatchObject({ userId: 'admin', role: 'admin' });
  });

  it('refuses an id that differs from a registered one only in case', async () => {
    await registerUser(t, { userId: 'wang-clerk', name: '王录入', role: 'clerk' });
    const response = await t
      .command(envelope('RegisterUser', { userId: 'Wang-Clerk', name: '王录入', role: 'auditor' }))
      .expect(409);
    expect(response.body).toMatchObject({ code: 'CONFLICT_ID_EXISTS', detail: expect.stringContaining('wang-clerk') });
  });

  it('never lets a user registered as admin before this rule run as admin, by token or by session', async () => {
    // A log written before the rule: a clerk registered under the id `admin`, holding a token.
    await t.runtime.events.append({
      stream: USERS_STREAM,
      expectedRevision: (await t.runtime.events.streamRevision(USERS_STREAM)) ?? 'no_stream',
      events: [
        {
          eventId: randomUUID(),
          type: 'UserRegistered',
          data: { userId: 'admin', name: '旧时登记的用户', role: 'clerk' },
          metadata: {
            commandId: 'legacy-admin',
            actor: { userId: 'admin', role: 'admin' },
            occurredOn: '2024-01-01',
            correlationId: 'legacy-admin',
            causationId: 'legacy-admin',
            schemaVersion: 1,
          },
        },
      ],
      command: { commandId: 'legacy-admin', fingerprint: 'legacy' },
    });
    const legacyToken = 'legacy-admin-user-token-0123456789';
    await t.runtime.secrets.setToken('admin', legacyToken);

    await t.get('/api/v1/session', legacyToken).expect(401);
    await t.http.post('/api/v1/session').set('Authorization', `Bearer ${legacyToken}`).expect(401);
    await t.get('/api/v1/integrity/verify', legacyToken).expect(401);

    // The built-in admin, signed in by SUNSHINE_ADMIN_TOKEN, is unaffected.
    const cookie = await signIn(t, ADMIN_TOKEN);
    const session = await t.http.get('/api/v1/session').set('Cookie', cookie).expect(200);
    expect(session.body).toMatchObject({ userId: 'admin', role: 'admin', name: '管理员' });
  });

  it("ends a revoked user's browser session at once", async () => {
    const token = await registerUser(t, { userId: 'zhao-auditor', name: '赵审计', role: 'auditor' });
    const cookie = await signIn(t, token);
    await t.http.get('/api/v1/session').set('Cookie', cookie).expect(200);
    await t.command(envelope('RevokeUser', { userId: 'zhao-auditor', reason: '调离' })).expect(201);
    const refused = await t.http.get('/api/v1/session').set('Cookie', cookie).expect(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
