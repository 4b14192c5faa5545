import { wordFor } from '@sunshine/domain';
import {
  DebtDoc,
  debtKey,
  EntryDoc,
  entryKey,
  RECORD_CATEGORIES,
  TermDoc,
  termKey,
  VillageDoc,
  villageKey,
} from '@sunshine/projections';
import { KindSource, summary } from './record-summary';

/** The records a list shows of a village's cash book, of villages and of terms. */

export const entries: KindSource = {
  kind: 'entry',
  category: RECORD_CATEGORIES.entry,
  villagePrefix: (villageId) => `${villageKey(villageId)}/entry/`,
  keyOf: (doc) => entryKey((doc as EntryDoc).villageId, (doc as EntryDoc).entryId),
  list: async (raw, names) => {
    const doc = raw as EntryDoc;
    const receipt = doc.kind === 'receipt';
    return [
      await summary(names, {
        kind: 'entry',
        key: entryKey(doc.villageId, doc.entryId),
        stream: villageKey(doc.villageId),
        id: doc.entryId,
        title: `${receipt ? '收入' : '支出'}：${doc.party}`,
        villageId: doc.villageId,
        amount: doc.amount,
        date: doc.on,
        status: doc.reversal ? 'reversed' : 'booked',
        voided: false,
        words: [
          doc.voucherNo,
          wordFor(receipt ? 'receiptCategory' : 'expenditureCategory', doc.category),
          doc.approvalRef,
        ],
      }),
    ];
  },
};

const settledOf = (doc: DebtDoc): number => doc.settlements.reduce((sum, s) => sum + s.amount.minor, 0);

export const debts: KindSource = {
  kind: 'debt',
  category: RECORD_CATEGORIES.debt,
  villagePrefix: (villageId) => `${villageKey(villageId)}/debt/`,
  keyOf: (doc) => debtKey((doc as DebtDoc).villageId, (doc as DebtDoc).debtId),
  list: async (raw, names) => {
    const doc = raw as DebtDoc;
    const settled = settledOf(doc);
    return [
      await summary(names, {
        kind: 'debt',
        key: debtKey(doc.villageId, doc.debtId),
        stream: villageKey(doc.villageId),
        id: doc.debtId,
        title: doc.creditor,
        villageId: doc.villageId,
        amount: doc.amount,
        date: doc.incurredOn,
        status: settled >= doc.amount.minor ? 'settled' : settled > 0 ? 'partly-settled' : 'outstanding',
        voided: false,
        words: [],
      }),
    ];
  },
};

export const villages: KindSource = {
  kind: 'village',
  category: RECORD_CATEGORIES.village,
  villagePrefix: (villageId) => villageKey(villageId),
  keyOf: (doc) => villageKey((doc as VillageDoc).villageId),
  list: async (raw, names) => {
    const doc = raw as VillageDoc;
    return [
      await summary(names, {
        kind: 'village',
        key: villageKey(doc.villageId),
        stream: doc.stream,
        id: doc.villageId,
        title: doc.name,
        villageId: doc.villageId,
        amount: null,
        date: null,
        status: null,
        voided: false,
        words: [],
      }),
    ];
  },
};

export const terms: KindSource = {
  kind: 'term',
  category: RECORD_CATEGORIES.term,
  keyOf: (doc) => termKey((doc as TermDoc).termId),
  list: async (raw, names, today) => {
    const doc = raw as TermDoc;
    const status = today < doc.startsOn ? 'upcoming' : today > doc.endsOn ? 'ended' : 'current';
    return [
      await summary(names, {
        kind: 'term',
        key: termKey(doc.termId),
        stream: 'terms',
        id: doc.termId,
        title: doc.name,
        amount: null,
        date: doc.startsOn,
        status,
        voided: false,
        words: [],
      }),
    ];
  },
};
