import { projectStatus, RecordKind, wordFor } from '@sunshine/domain';
import {
  AuditDoc,
  DisputeDoc,
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  RECORD_CATEGORIES,
} from '@sunshine/projections';
import { dateText } from './labelled-fields';
import { NameBook } from './name-book';
import { findingKey } from './record-keys';
import { KindSource, streamSource, summary } from './record-summary';
import { debts, entries, terms, villages } from './ledger-summaries';

export type { KindSource, Listed, RecordSummary } from './record-summary';

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
