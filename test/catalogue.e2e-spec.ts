import { startTestApp, TestApp } from './support/test-app';
import { recordTownship, registerUser } from './support/township';

/** GET /api/v1/commands/catalogue: the forms a person may fill in, drawn from the API's own rules. */
describe('the command catalogue over HTTP', () => {
  let t: TestApp;
  let clerk: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
    clerk = await registerUser(t, { userId: 'li-lu', name: '李录入', role: 'clerk' });
    supervisor = await registerUser(t, { userId: 'sun-jd', name: '孙监督', role: 'supervisor' });
  });
  afterAll(() => t.close());

  it('gives a clerk the recording forms, grouped as the office works, and no user administration', async () => {
    const { body } = await t.get('/api/v1/commands/catalogue', clerk).expect(200);
    const sign = body.find((c: { type: string }) => c.type === 'SignInvestment');
    expect(sign).toMatchObject({ title: '登记招商签约', groupTitle: '招商引资' });
    expect(sign.fields.find((f: { path: string }) => f.path === 'data.amount')).toMatchObject({
      label: '签约金额',
      input: 'money',
      required: true,
    });
    expect(body.map((c: { type: string }) => c.type)).not.toContain('RegisterUser');
  });

  it('gives a supervisor only the form for handling a warning, and nobody without a token anything', async () => {
    const forms = (await t.get('/api/v1/commands/catalogue', supervisor).expect(200)).body;
    expect(forms.map((form: { type: string }) => form.type)).toEqual(['HandleWarning']);
    expect(forms[0]).toMatchObject({ title: '处置预警', groupTitle: '三色预警' });
    await t.http.get('/api/v1/commands/catalogue').expect(401);
  });
});
