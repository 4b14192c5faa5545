import { LocalDate, Money } from '../shared';

export type Origin = 'domestic' | 'foreign';
export const ORIGINS: readonly Origin[] = ['domestic', 'foreign'];
export const SUGGESTED_SECTORS = [
  'auto-parts',
  'machinery-electronics',
  'electrical-equipment',
  'agro-processing',
  'minerals',
  'services',
  'other',
] as const;

export interface SignInvestment {
  type: 'SignInvestment';
  data: {
    investmentId: string;
    investor: string;
    sector: string;
    origin: Origin;
    amount: Money;
    signedOn: LocalDate;
    villageId?: string;
    projectId?: string;
    note?: string;
  };
}

export interface RecordCapitalArrival {
  type: 'RecordCapitalArrival';
  data: { investmentId: string; amount: Money; arrivedOn: LocalDate };
}

export interface AmendInvestment {
  type: 'AmendInvestment';
  data: {
    investmentId: string;
    investor?: string;
    sector?: string;
    amount?: Money;
    signedOn?: LocalDate;
    reason: string;
  };
}

export interface TerminateInvestment {
  type: 'TerminateInvestment';
  data: { investmentId: string; terminatedOn: LocalDate; reason: string };
}

export type InvestmentCommand = SignInvestment | RecordCapitalArrival | AmendInvestment | TerminateInvestment;
