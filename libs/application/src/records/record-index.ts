import { Actor, LocalDate, notFound, RECORD_KINDS, RecordKind, shanghaiDate, ValidationFailed } from '@sunshine/domain';
import { ProjectionStore, TermDoc, termKey } from '@sunshine/projections';
import { NameBook } from './name-book';
import { KIND_SOURCES, KindSource, Listed, RecordSummary } from './record-summaries';

export interface RecordQuery {
  kind?: RecordKind;
  villageId?: string;
  /** Only records whose own date lies within the term. */
  termId?: string;
  /** Words to find in the id, the title, the village's name, a category's word, a voucher number. */
  q?: string;
  limit: number;
  /** The `next` of the previous page. */
  after?: string;
}

export interface RecordList {
  records: RecordSummary[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
}

/** Where a page ended: the kind, the document's key and the item within it (an audit holds many findings). */
interface Cursor {
  k: RecordKind;
  a: string;
  i: number;
}

const encode = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

const notOurs = () =>
  new ValidationFailed([
    { path: 'after', zh: '不是本系统给出的翻页位置', en: 'is not a page position this list handed out' },
  ]);

const decode = (after: string): Cursor => {
  let cursor: Partial<Cursor> | undefined;
  try {
    cursor = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    throw notOurs();
  }
  if (!cursor || !RECORD_KINDS.includes(cursor.k as RecordKind) || typeof cursor.a !== 'string') throw notOurs();
  if (!Number.isInteger(cursor.i)) throw notOurs();
  return cursor as Cursor;
};

/** A clerk limited to villages sees only their records; every other role sees all. */
export const seesVillage = (actor: Actor, villageId: string | null): boolean =>
  !(actor.role === 'clerk' && actor.villages) || (villageId !== null && actor.villages.includes(villageId));

/**
 * Records for lists and pickers, read from the records projection: one kind or all kinds (in the
 * order of RECORD_KINDS), each kind in key order, filtered by village, term and words, paged by an
 * opaque cursor.
 */
export class RecordIndex {
  constructor(
    private readonly reads: ProjectionStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(query: RecordQuery, actor: Actor): Promise<RecordList> {
    const cursor = query.after === undefined ? undefined : decode(query.after);
    const kinds = query.kind ? [query.kind] : RECORD_KINDS;
    const first = cursor ? kinds.indexOf(cursor.k) : 0;
    if (first < 0) throw notOurs();
    const names = new NameBook(this.reads);
    const today = shanghaiDate(this.clock());
    const keep = await this.filter(query, actor);
    const found: { summary: RecordSummary; at: Cursor }[] = [];
    const take = (kind: RecordKind, key: string, listed: Listed[], after: number) => {
      listed.forEach((item, i) => {
        if (i > after && found.length <= query.limit && keep(item))
          found.push({ summary: item.summary, at: { k: kind, a: key, i } });
      });
      return found.length > query.limit;
    };
    for (const kind of kinds.slice(first)) {
      const source: KindSource = KIND_SOURCES[kind];
      const resume = cursor?.k === kind ? cursor : undefined;
      if (resume) {
        const doc = await this.reads.get(resume.a);
        if (doc !== undefined && take(kind, resume.a, await source.list(doc, names, today), resume.i)) break;
      }
      const prefix = query.villageId && source.villagePrefix ? source.villagePrefix(query.villageId) : undefined;
      let full = false;
      for await (const doc of this.reads.scan(source.category, { prefix, after: resume?.a })) {
        if ((full = take(kind, source.keyOf(doc), await source.list(doc, names, today), -1))) break;
      }
      if (full) break;
    }
    const page = found.slice(0, query.limit);
    return {
      records: page.map((f) => f.summary),
      next: found.length > query.limit ? encode(page[page.length - 1].at) : null,
    };
  }

  private async filter(query: RecordQuery, actor: Actor): Promise<(item: Listed) => boolean> {
    let window: { from: LocalDate; to: LocalDate } | undefined;
    if (query.termId !== undefined) {
      const term = await this.reads.get<TermDoc>(termKey(query.termId));
      if (!term) throw notFound({ zh: '届次', en: 'Term' }, query.termId, 'termId');
      window = { from: term.startsOn, to: term.endsOn };
    }
    const words = query.q?.trim().toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    return ({ summary, words: text }) =>
      seesVillage(actor, summary.villageId) &&
      (query.villageId === undefined || summary.villageId === query.villageId) &&
      (!window || (summary.date !== null && summary.date >= window.from && summary.date <= window.to)) &&
      words.every((word) => text.includes(word));
  }
}
