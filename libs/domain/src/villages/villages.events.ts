import { DomainEvent } from '../shared';
import {
  RecordExpenditure,
  RecordReceipt,
  RegisterDebt,
  RegisterVillage,
  ReverseEntry,
  SettleDebt,
} from './villages.commands';

export type VillageRegistered = DomainEvent<'VillageRegistered', RegisterVillage['data']>;
export type ReceiptRecorded = DomainEvent<'ReceiptRecorded', RecordReceipt['data']>;
export type ExpenditureRecorded = DomainEvent<'ExpenditureRecorded', RecordExpenditure['data']>;
/** Takes the entry out of every balance and sum from the entry's own date on; `corrects` the entry's event. */
export type EntryReversed = DomainEvent<'EntryReversed', ReverseEntry['data']>;
export type DebtRegistered = DomainEvent<'DebtRegistered', RegisterDebt['data']>;
export type DebtSettled = DomainEvent<'DebtSettled', SettleDebt['data']>;

export type VillageFinanceEvent = ReceiptRecorded | ExpenditureRecorded | EntryReversed | DebtRegistered | DebtSettled;

export type VillageEvent = VillageRegistered | VillageFinanceEvent;

export const villageStream = (villageId: string): string => `village-${villageId}`;
