import {
  alreadyExists,
  Decider,
  DecisionContext,
  Money,
  notInFuture,
  positiveAmount,
  RuleViolation,
  sameMoney,
  unknownEvent,
} from '../shared';
import { InvestmentCommand, SignInvestment } from './investments.commands';
import { InvestmentAmended, InvestmentEvent } from './investments.events';

type Signing = Omit<SignInvestment['data'], 'note'>;

export type Investment =
  | { status: 'unsigned' }
  | { status: 'signed' | 'terminated'; signing: Signing; signedEventId?: string; arrived: number };

const notSigned = (investmentId: string) =>
  new RuleViolation('RULE_INVESTMENT_NOT_SIGNED', {
    zh: `招商项目「${investmentId}」尚未签约`,
    en: `investment ${investmentId} has not been signed`,
  });

const terminated = (investmentId: string) =>
  new RuleViolation('RULE_INVESTMENT_TERMINATED', {
    zh: `招商项目「${investmentId}」已终止，不能再登记`,
    en: `investment ${investmentId} is terminated`,
  });

export const investmentDecider: Decider<InvestmentCommand, InvestmentEvent, Investment> = {
  initialState: () => ({ status: 'unsigned' }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'InvestmentSigned': {
        const { note: _note, ...signing } = event.data;
        return { status: 'signed', signing, signedEventId: event.eventId, arrived: 0 };
      }
      case 'CapitalArrived':
        return state.status === 'unsigned' ? state : { ...state, arrived: state.arrived + event.data.amount.minor };
      case 'InvestmentAmended': {
        if (state.status === 'unsigned') return state;
        const { reason: _reason, investmentId: _id, ...changes } = event.data;
        return { ...state, signing: { ...state.signing, ...changes } };
      }
      case 'InvestmentTerminated':
        return state.status === 'unsigned' ? state : { ...state, status: 'terminated' };
      default:
        return unknownEvent(event, state);
    }
  },

  decide: (command, state, context) => {
    switch (command.type) {
      case 'SignInvestment': {
        const { investmentId, amount, signedOn } = command.data;
        if (state.status !== 'unsigned')
          throw alreadyExists({ zh: '招商项目', en: 'Investment' }, investmentId, 'data.investmentId');
        positiveAmount(amount.minor, 'amount');
        notInFuture(signedOn, 'signedOn', context);
        return [{ type: 'InvestmentSigned', data: { ...command.data }, occurredOn: signedOn }];
      }
      case 'RecordCapitalArrival': {
        const { investmentId, amount, arrivedOn } = command.data;
        if (state.status === 'unsigned') throw notSigned(investmentId);
        if (state.status === 'terminated') throw terminated(investmentId);
        positiveAmount(amount.minor, 'amount');
        notInFuture(arrivedOn, 'arrivedOn', context);
        if (amount.currency !== state.signing.amount.currency)
          throw new RuleViolation(
            'RULE_CURRENCY_MISMATCH',
            {
              zh: `到位资金币种 ${amount.currency} 与签约币种 ${state.signing.amount.currency} 不一致`,
              en: `arrival currency ${amount.currency} differs from the signed currency ${state.signing.amount.currency}`,
            },
            'data.amount.currency',
          );
        if (arrivedOn < state.signing.signedOn)
          throw new RuleViolation(
            'RULE_ARRIVAL_BEFORE_SIGNING',
            {
              zh: `资金到位日期 ${arrivedOn} 早于签约日期 ${state.signing.signedOn}`,
              en: `arrivedOn ${arrivedOn} is before signedOn ${state.signing.signedOn}`,
            },
            'data.arrivedOn',
          );
        return [{ type: 'CapitalArrived', data: { ...command.data }, occurredOn: arrivedOn }];
      }
      case 'AmendInvestment':
        return [amend(command.data, state, context)];
      case 'TerminateInvestment': {
        const { investmentId, terminatedOn } = command.data;
        if (state.status === 'unsigned') throw notSigned(investmentId);
        if (state.status === 'terminated')
          throw new RuleViolation('RULE_INVESTMENT_ALREADY_TERMINATED', {
            zh: `招商项目「${investmentId}」已经终止`,
            en: `investment ${investmentId} is already terminated`,
          });
        notInFuture(terminatedOn, 'terminatedOn', context);
        if (terminatedOn < state.signing.signedOn)
          throw new RuleViolation(
            'RULE_TERMINATION_BEFORE_SIGNING',
            {
              zh: `终止日期 ${terminatedOn} 早于签约日期 ${state.signing.signedOn}`,
              en: `terminatedOn ${terminatedOn} is before signedOn ${state.signing.signedOn}`,
            },
            'data.terminatedOn',
          );
        return [{ type: 'InvestmentTerminated', data: { ...command.data }, occurredOn: terminatedOn }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
};

const amend = (data: InvestmentAmended['data'], state: Investment, context: DecisionContext): InvestmentAmended => {
  if (state.status === 'unsigned') throw notSigned(data.investmentId);
  const { investmentId, reason, ...proposed } = data;
  const current = state.signing;
  const changes: Partial<Pick<Signing, 'investor' | 'sector' | 'amount' | 'signedOn'>> = {};
  if (proposed.investor !== undefined && proposed.investor !== current.investor) changes.investor = proposed.investor;
  if (proposed.sector !== undefined && proposed.sector !== current.sector) changes.sector = proposed.sector;
  if (proposed.amount !== undefined && !sameMoney(proposed.amount, current.amount)) changes.amount = proposed.amount;
  if (proposed.signedOn !== undefined && proposed.signedOn !== current.signedOn) changes.signedOn = proposed.signedOn;
  if (Object.keys(changes).length === 0)
    throw new RuleViolation('RULE_AMENDMENT_CHANGES_NOTHING', {
      zh: '更正内容与现有记录相同，没有需要更正的字段',
      en: 'the amendment changes no field',
    });
  if (changes.amount) positiveAmount((changes.amount as Money).minor, 'amount');
  if (changes.signedOn) notInFuture(changes.signedOn, 'signedOn', context);
  return {
    type: 'InvestmentAmended',
    data: { investmentId, ...changes, reason },
    corrects: state.signedEventId,
  };
};
