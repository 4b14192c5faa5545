import { DomainEvent } from '../shared';
import { AmendInvestment, RecordCapitalArrival, SignInvestment, TerminateInvestment } from './investments.commands';

export type InvestmentSigned = DomainEvent<'InvestmentSigned', SignInvestment['data']>;
export type CapitalArrived = DomainEvent<'CapitalArrived', RecordCapitalArrival['data']>;
/** Carries only the fields that changed, and the reason. */
export type InvestmentAmended = DomainEvent<'InvestmentAmended', AmendInvestment['data']>;
export type InvestmentTerminated = DomainEvent<'InvestmentTerminated', TerminateInvestment['data']>;

export type InvestmentEvent = InvestmentSigned | CapitalArrived | InvestmentAmended | InvestmentTerminated;

export const investmentStream = (investmentId: string): string => `investment-${investmentId}`;
