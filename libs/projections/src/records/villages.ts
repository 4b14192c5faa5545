import { StoredEvent } from '@sunshine/event-store';
import {
  DebtRegistered,
  DebtSettled,
  EntryReversed,
  ExpenditureRecorded,
  ReceiptRecorded,
  VillageRegistered,
} from '@sunshine/domain';
import { DocumentKey } from '../projection';
import { debtKey, DebtDoc, EntryDoc, entryKey, RECORD_CATEGORIES, refOf, VillageDoc, villageKey } from './record-docs';
import { shaped } from './record-evolver';

/**
 * A village's cash book is split so that no document grows with the log: the village itself,
 * one document per entry and one per debt.
 */
export const VILLAGE_PREFIX = 'village-';

export const villageKeysOf = (event: StoredEvent): DocumentKey[] => {
  const villageId = event.stream.slice(VILLAGE_PREFIX.length);
  const data = event.data as { entryId?: string; debtId?: string };
  switch (event.type) {
    case 'VillageRegistered':
      return [{ key: villageKey(villageId), category: RECORD_CATEGORIES.village }];
    case 'ReceiptRecorded':
    case 'ExpenditureRecorded':
    case 'EntryReversed':
      return [{ key: entryKey(villageId, data.entryId as string), category: RECORD_CATEGORIES.entry }];
    case 'DebtRegistered':
    case 'DebtSettled':
      return [{ key: debtKey(villageId, data.debtId as string), category: RECORD_CATEGORIES.debt }];
    default:
      return [];
  }
};

export const evolveVillage = (doc: VillageDoc | undefined, event: StoredEvent): VillageDoc | undefined => {
  if (event.type !== 'VillageRegistered') return doc;
  const { villageId, name } = (event as StoredEvent<VillageRegistered['data']>).data;
  return { villageId, name, stream: event.stream, refs: [refOf(event)] };
};

export const evolveEntry = (doc: EntryDoc | undefined, event: StoredEvent): EntryDoc | undefined => {
  const villageId = event.stream.slice(VILLAGE_PREFIX.length);
  switch (event.type) {
    case 'ReceiptRecorded': {
      const { entryId, amount, category, counterparty, voucherNo, on } = (event as StoredEvent<ReceiptRecorded['data']>)
        .data;
      return {
        villageId,
        entryId,
        kind: 'receipt',
        amount,
        category,
        party: counterparty,
        voucherNo,
        on,
        eventId: event.eventId,
        refs: [refOf(event)],
      };
    }
    case 'ExpenditureRecorded': {
      const { entryId, amount, category, payee, voucherNo, approvalRef, on } = (
        event as StoredEvent<ExpenditureRecorded['data']>
      ).data;
      return {
        villageId,
        entryId,
        kind: 'expenditure',
        amount,
        category,
        party: payee,
        voucherNo,
        approvalRef,
        on,
        eventId: event.eventId,
        refs: [refOf(event)],
      };
    }
    case 'EntryReversed': {
      if (!doc) return doc;
      const { on, reason } = (event as StoredEvent<EntryReversed['data']>).data;
      return shaped(doc, event, { reversal: { on, reason, eventId: event.eventId } });
    }
    default:
      return doc;
  }
};

export const evolveDebt = (doc: DebtDoc | undefined, event: StoredEvent): DebtDoc | undefined => {
  switch (event.type) {
    case 'DebtRegistered': {
      const { debtId, creditor, amount, incurredOn } = (event as StoredEvent<DebtRegistered['data']>).data;
      const villageId = event.stream.slice(VILLAGE_PREFIX.length);
      return {
        villageId,
        debtId,
        creditor,
        amount,
        incurredOn,
        eventId: event.eventId,
        settlements: [],
        refs: [refOf(event)],
      };
    }
    case 'DebtSettled': {
      if (!doc) return doc;
      const { amount, settledOn, method } = (event as StoredEvent<DebtSettled['data']>).data;
      return shaped(doc, event, {
        settlements: [...doc.settlements, { amount, settledOn, method, eventId: event.eventId }],
      });
    }
    default:
      return doc;
  }
};
