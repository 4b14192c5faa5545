import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { registerUser } from './support/township';

const PASSWORD = '李家庄村会计2026春';
const OTHER_PASSWORD = 'another long passphrase';
const COOKIE = /^sunshine_session=([A-Za-z0-9_-]{43});/;
const OWN_PAGE = { 'X-Requested-With': 'sunshine' };

/**
 * Passwords for people at a browser: set with the registration token, signed in with at the
 * sign-in page, locked after guessing, reset by an admin. The clock is the test's, so the
 * 15-minute lock can be walked through.
 */
describe('passwords (POST /api/v1/session, PUT /api/v1/users/me/password)', () => {
  let now = new Date('2026-10-01T08:00:00Z');
  let t: TestApp;
  let clerkToken: string;
  const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

  const signIn = (userId: string, password: string) => t.http.post('/api/v1/session').send({ userId, password });
  const setPassword = (token: string, body: object) =>
    t.http.put('/api/v1/users/me/password').set('Authorization', `Bearer ${token}`).send(body);
  const cookieOf = (response: request.Response) =>
    `sunshine_session=${COOKIE.exec((response.headers['set-cookie'] as unknown as string[])[0])?.[1]}`;
  const asSession = (cookie: string) => ({
    get: (path: string) => t.http.get(path).set('Cookie', cookie),
    put: (path: string) => t.http.put(path).set('Cookie', cookie),
  });

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    clerkToken = await registerUser(t, { userId: 'wang-kuaiji', name: '王会计', role: 'clerk' });
  });
  afterAll(() => t.close());

  it('has no password until the user sets one with the token given at registration', async () => {
    const refused = await signIn('wang-kuaiji', PASSWORD).expect(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'SIGN_IN_FAILED', detail: '用户名或密码不正确，或账号已停用' });
    expect(refused.headers['set-cookie']).toBeUndefined();
    const byToken = await t.http.post('/api/v1/session').send({ token: clerkToken }).expect(201);
    expect(byToken.body).toMatchObject({ userId: 'wang-kuaiji', hasPassword: false });

    await setPassword(clerkToken, { password: PASSWORD }).expect(204);
    const signedIn = await signIn('wang-kuaiji', PASSWORD).expect(201);
    expect(signedIn.body).toMatchObject({ userId: 'wang-kuaiji', role: 'clerk', name: '王会计', hasPassword: true });
    await asSession(cookieOf(signedIn)).get('/api/v1/session').expect(200);
  });

  it('refuses a password shorter than 10 characters, naming the field, and changes nothing', async () => {
    const response = await setPassword(clerkToken, { password: '短密码123456'.slice(0, 9), currentPassword: PASSWORD });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ path: 'password', detail: '至少需要 10 个字符' }]);
    await signIn('wang-kuaiji', PASSWORD).expect(201);
    // Ten characters are enough, counted as characters: ten Chinese characters are ten.
    await setPassword(clerkToken, { password: '阳光台账阳光台账阳光', currentPassword: PASSWORD }).expect(204);
    await setPassword(clerkToken, { password: PASSWORD, currentPassword: '阳光台账阳光台账阳光' }).expect(204);
    await setPassword(clerkToken, { password: PASSWORD, role: 'admin' })
      .expect(400)
      .expect((r) => expect(r.body.errors).toEqual([{ path: 'role', detail: '是未知字段' }]));
  });

  it('needs the current password to change one already set, and refuses a wrong one', async () => {
    const missing = await setPassword(clerkToken, { password: OTHER_PASSWORD }).expect(400);
    expect(missing.body.errors).toEqual([{ path: 'currentPassword', detail: '已设置过密码，修改时须填写当前密码' }]);
    const wrong = await setPassword(clerkToken, { password: OTHER_PASSWORD, currentPassword: 'not the password' });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({
      code: 'CURRENT_PASSWORD_WRONG',
      errors: [{ path: 'currentPassword', detail: '当前密码不正确' }],
    });
    await signIn('wang-kuaiji', PASSWORD).expect(201);
  });

  it('changes the password from a signed-in browser, ending the other sessions of that user', async () => {
    const here = cookieOf(await signIn('wang-kuaiji', PASSWORD).expect(201));
    const elsewhere = cookieOf(await signIn('wang-kuaiji', PASSWORD).expect(201));
    // A browser's state-changing request must come from the app's own script.
    await asSession(here).put('/api/v1/users/me/password').send({ password: OTHER_PASSWORD }).expect(403);
    await asSession(here)
      .put('/api/v1/users/me/password')
      .set(OWN_PAGE)
      .send({ password: OTHER_PASSWORD, currentPassword: PASSWORD })
      .expect(204);
    await asSession(here).get('/api/v1/session').expect(200);
    await asSession(elsewhere).get('/api/v1/session').expect(401);
    await signIn('wang-kuaiji', PASSWORD).expect(401);
    await signIn('wang-kuaiji', OTHER_PASSWORD).expect(201);
    await setPassword(clerkToken, { password: PASSWORD, currentPassword: OTHER_PASSWORD }).expect(204);
  });

  it('locks a user id after 5 failed sign-ins within 15 minutes, the right password included, and no one else', async () => {
    const auditorToken = await registerUser(t, { userId: 'zhao-shenji', name: '赵审计', role: 'auditor' });
    await setPassword(auditorToken, { password: OTHER_PASSWORD }).expect(204);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn('wang-kuaiji', `wrong guess ${attempt}`).expect(401);
      minutes(3);
    }
    await signIn('wang-kuaiji', 'wrong guess 5').expect(401);
    const locked = await signIn('wang-kuaiji', PASSWORD).expect(429);
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    expect(locked.headers['set-cookie']).toBeUndefined();
    expect(locked.body).toMatchObject({ status: 429, code: 'SIGN_IN_LOCKED' });
    expect(locked.body.detail).toContain('15 分钟后再试');
    // Changing the password with the token is locked too: the lock guards guessing, wherever.
    await setPassword(clerkToken, { password: OTHER_PASSWORD, currentPassword: PASSWORD }).expect(429);
    await signIn('zhao-shenji', OTHER_PASSWORD).expect(201);

    minutes(14);
    const later = await signIn('wang-kuaiji', PASSWORD).expect(429);
    expect(later.headers['retry-after']).toBe('60');
    minutes(1);
    await signIn('wang-kuaiji', PASSWORD).expect(201);
  });

  it('starts the count again after a successful sign-in', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) await signIn('wang-kuaiji', 'wrong').expect(401);
    await signIn('wang-kuaiji', PASSWORD).expect(201);
    for (let attempt = 1; attempt <= 4; attempt++) await signIn('wang-kuaiji', 'wrong').expect(401);
    await signIn('wang-kuaiji', PASSWORD).expect(201);
  });

  it('locks a burst of guesses sent at once as surely as guesses one after another', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn('zhao-shenji', `guess ${i}`)));
    expect(burst.filter((r) => r.status === 401)).toHaveLength(5);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(7);
    minutes(15);
  });

  it('answers an unknown user id as a wrong password, and counts it the same', async () => {
    const response = await signIn('nobody-here', PASSWORD).expect(401);
    expect(response.body.code).toBe('SIGN_IN_FAILED');
  });

  it('refuses a revoked user, even with the right password', async () => {
    const token = await registerUser(t, { userId: 'li-linshi', name: '李临时', role: 'clerk' });
    await setPassword(token, { password: PASSWORD }).expect(204);
    const session = cookieOf(await signIn('li-linshi', PASSWORD).expect(201));
    await t
      .command({ type: 'RevokeUser', commandId: 'revoke-li-linshi', data: { userId: 'li-linshi', reason: '借调结束' } })
      .expect(201);
    await signIn('li-linshi', PASSWORD).expect(401);
    await asSession(session).get('/api/v1/session').expect(401);
  });

  it('refuses a malformed sign-in, naming the field', async () => {
    const missing = await t.http.post('/api/v1/session').send({ userId: 'wang-kuaiji' }).expect(400);
    expect(missing.body.errors).toEqual([{ path: 'password', detail: '须为非空字符串' }]);
    const both = await t.http.post('/api/v1/session').send({ token: clerkToken, userId: 'wang-kuaiji' }).expect(400);
    expect(both.body.errors).toEqual([{ path: 'userId', detail: '不能与令牌同时提交' }]);
    await t.http.post('/api/v1/session').send({ userId: 'wang-kuaiji', password: PASSWORD, extra: 1 }).expect(400);
  });

  describe("an admin's reset", () => {
    it('clears the password, ends the sessions and hands out a new token with which the user sets a new password', async () => {
      const session = cookieOf(await signIn('wang-kuaiji', PASSWORD).expect(201));
      const reset = await t.http
        .post('/api/v1/users/wang-kuaiji/password-reset')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .expect(201);
      expect(reset.headers['cache-control']).toBe('no-store');
      const newToken = reset.body.token as string;
      expect(reset.body).toEqual({ userId: 'wang-kuaiji', token: expect.stringMatching(/^[\w-]{43}$/) });
      await asSession(session).get('/api/v1/session').expect(401);
      await signIn('wang-kuaiji', PASSWORD).expect(401);
      await t.http.get('/api/v1/session').set('Authorization', `Bearer ${clerkToken}`).expect(401);
      await setPassword(newToken, { password: OTHER_PASSWORD }).expect(204);
      await signIn('wang-kuaiji', OTHER_PASSWORD).expect(201);
    });

    it('is for admins only, and for users that exist and are not revoked', async () => {
      const clerk = cookieOf(await signIn('wang-kuaiji', OTHER_PASSWORD).expect(201));
      await t.http.post('/api/v1/users/zhao-shenji/password-reset').set('Cookie', clerk).set(OWN_PAGE).expect(403);
      await signIn('zhao-shenji', OTHER_PASSWORD).expect(201);
      const admin = (path: string) => t.http.post(path).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
      const unknown = await admin('/api/v1/users/nobody-here/password-reset').expect(404);
      expect(unknown.body.errors).toEqual([{ path: 'userId', detail: '用户「nobody-here」不存在' }]);
      await admin('/api/v1/users/li-linshi/password-reset').expect(422);
    });
  });

  it('keeps only a salted scrypt hash, in the secret store and never in the log', async () => {
    // With the WAL, recent writes may sit in the -wal file beside the database.
    const bytesOf = (name: string) =>
      Buffer.concat(
        readdirSync(t.dataDir)
          .filter((file) => file.startsWith(name))
          .map((file) => readFileSync(join(t.dataDir, file))),
      );
    const secrets = bytesOf('secrets.db');
    const events = bytesOf('events.db');
    for (const password of [PASSWORD, OTHER_PASSWORD])
      for (const file of [secrets, events]) expect(file.includes(Buffer.from(password))).toBe(false);
    expect(secrets.includes(Buffer.from('scrypt$32768$8$1$'))).toBe(true);
    expect(events.includes(Buffer.from('scrypt$'))).toBe(false);
  });
});
