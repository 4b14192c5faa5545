import { LocalDate, Money, projectStatus, RecordKind, RecordStatus, wordFor } from '@sunshine/domain';
import {
  AuditDoc,
  DebtDoc,
  debtKey,
  DisputeDoc,
  EntryDoc,
  entryKey,
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  RECORD_CATEGORIES,
  TermDoc,
  termKey,
  VillageDoc,
  villageKey,
} from '@sunshine/projections';
import { dateText } from './labelled-fields';
import { NameBook } from './name-book';
import { findingKey } from './record-keys';

/** A record as a list or a picker shows it: never personal data (a dispute's parties are not even counted). */
export interface RecordSummary {
  kind: RecordKind;
  kindText: string;
  /** For `GET /api/v1/records/{key}`. */
  key: string;
  stream: string;
  id: string;
  title: string;
  villageId: string | null;
  villageName: string | null;
  /** The record's key amount (a signing's, a project's plan, an entry's), in minor units. */
  amount: Money | null;
  /** The record's own business date (signed, registered, received, booked, …). */
  date: LocalDate | null;
  status: string | null;
  statusText: string | null;
  voided: boolean;
}

/** A summary and the words a search (`q`) matches it by. */
export interface Listed {
  summary: RecordSummary;
  words: string;
}

/** Where one kind of record is read from, and how each document is listed. */
export interface KindSource {
  kind: RecordKind;
  category: string;
  /** A village's records of this kind share a key prefix: the scan is narrowed to it. */
  villagePrefix?: (villageId: string) => string;
  keyOf(doc: unknown): string;
  list(doc: unknown, names: NameBook, today: LocalDate): Promise<Listed[]>;
}

const statusOf = (status: RecordStatus | null): Pick<RecordSummary, 'status' | 'statusText'> => ({
  status,
  statusText: status === null ? null : wordFor('recordStatus', status),
});

const summary = async (
  names: NameBook,
  fields: Omit<RecordSummary, 'kindText' | 'villageName' | 'villageId' | 'status' | 'statusText'> & {
    villageId?: string;
    status: RecordStatus | null;
    words: (string | null | undefined)[];
  },
): Promise<Listed> => {
  const { words, villageId, status, kind, key, stream, id, title, amount, date, voided } = fields;
  const villageName = await names.villageName(villageId);
  return {
    summary: {
      kind,
      kindText: wordFor('recordKind', kind),
      key,
      stream,
      id,
      title,
      villageId: villageId ?? null,
      villageName,
      amount,
      date,
      ...statusOf(status === null ? null : voided ? 'voided' : status),
      voided,
    },
    words: [fields.id, fields.title, villageName, ...words].filter(Boolean).join(' ').toLowerCase(),
  };
};

const streamSource = <Doc extends { stream: string }>(
  kind: RecordKind,
  list: (doc: Doc, names: NameBook, today: LocalDate) => Promise<Listed[]>,
): KindSource => ({
  kind,
  category: kind,
  keyOf: (doc) => (doc as Doc).stream,
  list: (doc, names, today) => list(doc as Doc, names, today),
});

const investments = streamSource<InvestmentDoc>('investment', async (doc, names) => [
  await summary(names, {
    kind: 'investment',
    key: doc.stream,
    stream: doc.stream,
    id: doc.investmentId,
    title: doc.investor,
    villageId: doc.villageId,
    amount: doc.amount,
    date: doc.signedOn,
    status: doc.termination ? 'terminated' : 'signed',
    voided: doc.voided,
    words: [wordFor('sector', doc.sector), wordFor('origin', doc.origin)],
  }),
]);

const projects = streamSource<ProjectDoc>('project', async (doc, names) => {
  const status = projectStatus(doc.milestones.map((m) => m.milestone));
  const listed = await summary(names, {
    kind: 'project',
    key: doc.stream,
    stream: doc.stream,
    id: doc.projectId,
    title: doc.name,
    villageId: doc.villageId,
    amount: doc.plannedInvestment,
    date: doc.registeredOn,
    status: null,
    voided: doc.voided,
    words: [wordFor('projectCategory', doc.category)],
  });
  const word = doc.voided ? wordFor('recordStatus', 'voided') : wordFor('projectStatus', status);
  return [{ ...listed, summary: { ...listed.summary, status: doc.voided ? 'voided' : status, statusText: word } }];
});

const disputes = streamSource<DisputeDoc>('dispute', async (doc, names) => [
  await summary(names, {
    kind: 'dispute',
    key: doc.stream,
    stream: doc.stream,
    id: doc.disputeId,
    title: `${wordFor('disputeCategory', doc.category)}（${dateText(doc.receivedOn)}受理）`,
    villageId: doc.villageId,
    amount: null,
    date: doc.receivedOn,
    status: doc.conclusion?.kind ?? 'in-mediation',
    voided: doc.voided,
    words: [],
  }),
]);

const auditTitle = async (doc: AuditDoc, names: NameBook) =>
  `${await names.auditSubject(doc.subject)}${wordFor('auditScope', doc.scope)}审计`;

const auditVillage = (doc: AuditDoc) => (doc.subject.kind === 'village' ? doc.subject.id : undefined);

const audits = streamSource<AuditDoc>('audit', async (doc, names) => [
  await summary(names, {
    kind: 'audit',
    key: doc.stream,
    stream: doc.stream,
    id: doc.auditId,
    title: await auditTitle(doc, names),
    villageId: auditVillage(doc),
    amount: null,
    date: doc.openedOn,
    status: doc.closure ? 'audit-closed' : 'audit-open',
    voided: doc.voided,
    words: [doc.leadAuditor, wordFor('auditSubjectKind', doc.subject.kind)],
  }),
]);

const findings: KindSource = {
  kind: 'finding',
  category: RECORD_CATEGORIES.audit,
  keyOf: (doc) => (doc as AuditDoc).stream,
  list: async (raw, names) => {
    const doc = raw as AuditDoc;
    const audit = doc.findings.length ? await auditTitle(doc, names) : '';
    return Promise.all(
      doc.findings.map((finding) =>
        summary(names, {
          kind: 'finding',
          key: findingKey(doc.stream, finding.findingId),
          stream: doc.stream,
          id: finding.findingId,
          title: finding.description,
          villageId: auditVillage(doc),
          amount: finding.amountInvolved ?? null,
          date: finding.foundOn,
          status: finding.rectification ? 'rectified' : 'finding-open',
          voided: doc.voided,
          words: [audit, doc.auditId, wordFor('severity', finding.severity)],
        }),
      ),
    );
  },
};

const entries: KindSource = {
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

const debts: KindSource = {
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

const villages: KindSource = {
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

const terms: KindSource = {
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

const indicators = streamSource<IndicatorDoc>('indicator', async (doc, names) => [
  await summary(names, {
    kind: 'indicator',
    key: doc.stream,
    stream: doc.stream,
    id: doc.code,
    title: await names.indicatorName(doc.code),
    amount: null,
    date: null,
    status: doc.reports.length ? 'reported' : 'target-only',
    voided: doc.voided,
    words: [],
  }),
]);

/** Every kind of record, in the order a list of all kinds gives them. */
export const KIND_SOURCES: Readonly<Record<RecordKind, KindSource>> = {
  investment: investments,
  project: projects,
  dispute: disputes,
  audit: audits,
  finding: findings,
  entry: entries,
  debt: debts,
  village: villages,
  term: terms,
  indicator: indicators,
};
