import { Conflict, RuleViolation } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { investmentDecider } from './investments.decider';
import { InvestmentCommand } from './investments.commands';
import { InvestmentEvent } from './investments.events';

const given = specFor(investmentDecider);
const cny = (yuan: number) => ({ currency: 'CNY', minor: yuan * 100 });

const signing = {
  investmentId: 'ZS-2009-014',
  investor: '华东汽配有限公司',
  sector: 'auto-parts',
  origin: 'domestic' as const,
  amount: cny(120_000_000),
  signedOn: '2009-06-18',
};
const sign: InvestmentCommand = { type: 'SignInvestment', data: signing };
const signed: InvestmentEvent = { type: 'InvestmentSigned', data: signing, eventId: 'e-signed' };
const terminated: InvestmentEvent = {
  type: 'InvestmentTerminated',
  data: { investmentId: 'ZS-2009-014', terminatedOn: '2010-01-01', reason: '企业破产' },
};
const arrive = (amount = cny(1_000_000), arrivedOn = '2009-07-01'): InvestmentCommand => ({
  type: 'RecordCapitalArrival',
  data: { investmentId: 'ZS-2009-014', amount, arrivedOn },
});
const amend = (changes: object): InvestmentCommand => ({
  type: 'AmendInvestment',
  data: { investmentId: 'ZS-2009-014', reason: '合同补充协议', ...changes },
});
const terminate = (terminatedOn = '2010-01-01'): InvestmentCommand => ({
  type: 'TerminateInvestment',
  data: { investmentId: 'ZS-2009-014', terminatedOn, reason: '企业破产' },
});

describe('signing an investment', () => {
  it('is recorded on its signing date', () =>
    given([])
      .when(sign)
      .then([{ type: 'InvestmentSigned', data: signing, occurredOn: '2009-06-18' }]));

  it('needs an amount above zero', () =>
    given([])
      .when({ type: 'SignInvestment', data: { ...signing, amount: cny(0) } })
      .thenThrows(RuleViolation, 'RULE_AMOUNT_NOT_POSITIVE'));

  it('cannot happen twice under one id', () => given([signed]).when(sign).thenThrows(Conflict, 'CONFLICT_ID_EXISTS'));

  it('cannot be dated after today', () =>
    given([], context({ today: '2009-06-17' }))
      .when(sign)
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe('capital arrival', () => {
  it('is recorded against a signed investment', () =>
    given([signed])
      .when(arrive())
      .then([{ type: 'CapitalArrived', occurredOn: '2009-07-01' }]));

  it('may add up to more than the signed amount', () =>
    given([
      signed,
      {
        type: 'CapitalArrived',
        data: { investmentId: 'ZS-2009-014', amount: cny(120_000_000), arrivedOn: '2009-07-01' },
      },
    ])
      .when(arrive(cny(5_000_000)))
      .then([{ type: 'CapitalArrived' }]));

  it('needs a signing', () => given([]).when(arrive()).thenThrows(RuleViolation, 'RULE_INVESTMENT_NOT_SIGNED'));
  it('is refused once terminated', () =>
    given([signed, terminated]).when(arrive()).thenThrows(RuleViolation, 'RULE_INVESTMENT_TERMINATED'));
  it('must be in the signed currency', () =>
    given([signed])
      .when(arrive({ currency: 'USD', minor: 100 }))
      .thenThrows(RuleViolation, 'RULE_CURRENCY_MISMATCH'));
  it('cannot arrive before the signing', () =>
    given([signed])
      .when(arrive(cny(1), '2009-06-17'))
      .thenThrows(RuleViolation, 'RULE_ARRIVAL_BEFORE_SIGNING'));
  it('may arrive on the signing day', () =>
    given([signed])
      .when(arrive(cny(1), '2009-06-18'))
      .then([{ type: 'CapitalArrived' }]));
  it('needs an amount above zero', () =>
    given([signed])
      .when(arrive(cny(0)))
      .thenThrows(RuleViolation, 'RULE_AMOUNT_NOT_POSITIVE'));
});

describe('amending an investment', () => {
  it('records only the fields that change, with the reason, as a correction of the signing', () =>
    given([signed])
      .when(amend({ amount: cny(150_000_000), investor: signing.investor }))
      .then([
        {
          type: 'InvestmentAmended',
          data: { investmentId: 'ZS-2009-014', amount: cny(150_000_000), reason: '合同补充协议' },
          corrects: 'e-signed',
        },
      ]));

  it('may move the signing date', () =>
    given([signed])
      .when(amend({ signedOn: '2009-07-01' }))
      .then([{ type: 'InvestmentAmended', data: { signedOn: '2009-07-01' } }]));

  it('must change at least one field', () =>
    given([signed])
      .when(amend({ sector: 'auto-parts', amount: cny(120_000_000) }))
      .thenThrows(RuleViolation, 'RULE_AMENDMENT_CHANGES_NOTHING'));

  it('needs a signing', () =>
    given([])
      .when(amend({ sector: 'services' }))
      .thenThrows(RuleViolation, 'RULE_INVESTMENT_NOT_SIGNED'));

  it('judges a second amendment against the first', () =>
    given([
      signed,
      { type: 'InvestmentAmended', data: { investmentId: 'ZS-2009-014', sector: 'services', reason: 'x' } },
    ])
      .when(amend({ sector: 'services' }))
      .thenThrows(RuleViolation, 'RULE_AMENDMENT_CHANGES_NOTHING'));
});

describe('terminating an investment', () => {
  it('is recorded on its date', () =>
    given([signed])
      .when(terminate())
      .then([{ type: 'InvestmentTerminated', occurredOn: '2010-01-01' }]));
  it('needs a signing', () => given([]).when(terminate()).thenThrows(RuleViolation, 'RULE_INVESTMENT_NOT_SIGNED'));
  it('happens once', () =>
    given([signed, terminated]).when(terminate()).thenThrows(RuleViolation, 'RULE_INVESTMENT_ALREADY_TERMINATED'));
  it('cannot precede the signing', () =>
    given([signed]).when(terminate('2009-01-01')).thenThrows(RuleViolation, 'RULE_TERMINATION_BEFORE_SIGNING'));
});
