import { nextCommandId, startTestApp, TestApp } from './support/test-app';

const yuan = (amount: number, currency = 'CNY') => ({ currency, minor: amount * 100 });

describe('the investment part of the term summary, recorded over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const send = async (type: string, data: object) => {
    const response = await t.command({ type, commandId: nextCommandId(), data });
    if (response.status !== 201)
      throw new Error(`${type} ${JSON.stringify(data)} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const sign = (
    investmentId: string,
    sector: string,
    amount: { currency: string; minor: number },
    signedOn: string,
    origin = 'domestic',
  ) => send('SignInvestment', { investmentId, investor: `${investmentId} 公司`, sector, origin, amount, signedOn });

  it('gives exactly the figures worked out by hand', async () => {
    await send('OpenTerm', { termId: '2008-2013', name: '第十五届', startsOn: '2008-10-01', endsOn: '2013-09-30' });
    await sign('A1', 'auto-parts', yuan(120_000_000), '2009-06-18');
    await sign('A2', 'auto-parts', yuan(10_000_000), '2010-01-05'); // exactly at the lowest band
    await sign('A3', 'services', { currency: 'CNY', minor: 999_999_900 }, '2010-02-01'); // one yuan short of it
    await sign('A4', 'machinery-electronics', yuan(50_000_000), '2011-03-01');
    await sign('A5', 'electrical-equipment', yuan(29_000_000, 'USD'), '2012-05-05', 'foreign');
    await sign('A6', 'agro-processing', yuan(30_000_000), '2012-07-07');
    await sign('A7', 'minerals', yuan(200_000_000), '2008-09-20'); // before the term…
    await send('AmendInvestment', { investmentId: 'A7', signedOn: '2008-10-02', reason: '合同实际签订日期更正' }); // …moved into it
    await sign('A8', 'services', yuan(60_000_000), '2013-09-01'); // inside…
    await send('AmendInvestment', { investmentId: 'A8', signedOn: '2013-10-15', reason: '签约日期更正' }); // …moved past its end
    await sign('A9', 'services', yuan(70_000_000), '2014-01-01'); // after the term
    await sign('A10', 'auto-parts', yuan(20_000_000), '2010-06-01');
    await send('AmendInvestment', { investmentId: 'A10', amount: yuan(80_000_000), reason: '追加投资' });
    for (let i = 0; i < 20; i++) await sign(`S${i}`, 'other', yuan(1_000_000), '2011-04-01');

    await send('RecordCapitalArrival', { investmentId: 'A1', amount: yuan(60_000_000), arrivedOn: '2010-01-01' });
    await send('RecordCapitalArrival', { investmentId: 'A1', amount: yuan(30_000_000), arrivedOn: '2014-01-01' }); // after the term's end
    await send('RecordCapitalArrival', {
      investmentId: 'A5',
      amount: yuan(18_000_000, 'USD'),
      arrivedOn: '2012-06-01',
    });
    await send('RecordCapitalArrival', { investmentId: 'A6', amount: yuan(5_000_000), arrivedOn: '2012-08-01' });
    await send('RecordCapitalArrival', { investmentId: 'A7', amount: yuan(10_000_000), arrivedOn: '2009-01-01' });
    await send('TerminateInvestment', { investmentId: 'A6', terminatedOn: '2013-01-01', reason: '企业停产' });

    const { body } = await t.get('/api/v1/terms/2008-2013/summary').expect(200);
    expect(body).toMatchObject({
      termId: '2008-2013',
      name: '第十五届',
      from: '2008-10-01',
      to: '2013-09-30',
      knownAt: null,
      position: expect.any(String),
    });
    expect(body.investment).toEqual({
      signings: 27, // A1 A2 A3 A4 A5 A7 A10 and twenty small ones
      terminated: 1, // A6
      signed: {
        domestic: {
          CNY: (120_000_000 + 10_000_000 + 9_999_999 + 50_000_000 + 200_000_000 + 80_000_000 + 20 * 1_000_000) * 100,
        },
        foreign: { USD: 2_900_000_000 },
      },
      arrived: { domestic: { CNY: (60_000_000 + 10_000_000) * 100 }, foreign: { USD: 1_800_000_000 } },
      bands: { atLeast10mCny: 5, atLeast50mCny: 4, atLeast100mCny: 2 },
      bySector: {
        'auto-parts': { signings: 3, signed: { CNY: 21_000_000_000 } },
        services: { signings: 1, signed: { CNY: 999_999_900 } },
        'machinery-electronics': { signings: 1, signed: { CNY: 5_000_000_000 } },
        'electrical-equipment': { signings: 1, signed: { USD: 2_900_000_000 } },
        minerals: { signings: 1, signed: { CNY: 20_000_000_000 } },
        other: { signings: 20, signed: { CNY: 2_000_000_000 } },
      },
      // the dollar signing is in no band: counted in its own currency
      unbanded: { USD: 1 },
    });

    const evidence = await t
      .get('/api/v1/terms/2008-2013/summary/evidence?figure=investment.bands.atLeast100mCny')
      .expect(200);
    expect(evidence.body.value).toBe(2);
    expect(evidence.body.events.map((e: { stream: string; type: string }) => `${e.stream} ${e.type}`)).toEqual([
      'investment-A1 InvestmentSigned',
      'investment-A7 InvestmentSigned',
      'investment-A7 InvestmentAmended',
    ]);
  });

  it('reflects a command in a query made right after its answer', async () => {
    const before = (await t.get('/api/v1/terms/2008-2013/summary').expect(200)).body.investment.signings;
    await sign('A11', 'services', yuan(1_000), '2012-12-12');
    expect((await t.get('/api/v1/terms/2008-2013/summary').expect(200)).body.investment.signings).toBe(before + 1);
  });

  it('answers 404 for an unknown term and for a figure the summary does not have', async () => {
    const term = await t.get('/api/v1/terms/1999-2004/summary').expect(404);
    expect(term.body).toMatchObject({ status: 404, errors: [{ path: 'termId' }] });
    await t.get('/api/v1/terms/2008-2013/summary/evidence?figure=investment.nothing').expect(404);
    await t.get('/api/v1/terms/2008-2013/summary?knownAt=yesterday').expect(400);
  });
});
