import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

/** What the HTTP layer itself answers before a command is looked at: bodies, their types and sizes. */
describe('request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (type: string, body: string) =>
    t.http.post('/api/v1/commands').set('Authorization', `Bearer ${ADMIN_TOKEN}`).set('Content-Type', type).send(body);

  it('reads an application/*+json body as JSON', async () => {
    const response = await post(
      'application/vnd.sunshine+json',
      '{"type":"NoSuchCommand","commandId":"cmd-vnd-1","data":{}}',
    ).expect(400);
    expect(response.body).toMatchObject({ code: expect.not.stringMatching(/MALFORMED_JSON|UNSUPPORTED_MEDIA_TYPE/) });
  });

  it('refuses a body over 1 MB with 413 PAYLOAD_TOO_LARGE as a problem', async () => {
    const response = await post(
      'application/json',
      JSON.stringify({ type: 'RecordReceipt', commandId: 'cmd-big-1', data: { note: 'x'.repeat(1024 * 1024) } }),
    ).expect(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a body of a type it does not read with 415 as a problem', async () => {
    const response = await post('application/xml', '<command/>').expect(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', instance: '/api/v1/commands' });
  });
});
