import { LocalDate, Money, RecordKind, RecordStatus, wordFor } from '@sunshine/domain';
import { NameBook } from './name-book';

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

export const statusOf = (status: RecordStatus | null): Pick<RecordSummary, 'status' | 'statusText'> => ({
  status,
  statusText: status === null ? null : wordFor('recordStatus', status),
});

export const summary = async (
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

export const streamSource = <Doc extends { stream: string }>(
  kind: RecordKind,
  list: (doc: Doc, names: NameBook, today: LocalDate) => Promise<Listed[]>,
): KindSource => ({
  kind,
  category: kind,
  keyOf: (doc) => (doc as Doc).stream,
  list: (doc, names, today) => list(doc as Doc, names, today),
});
