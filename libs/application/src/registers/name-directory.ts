import { hasWordFor, ID_PATTERN, Message, VOCABULARY, wordFor } from '@sunshine/domain';
import {
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  RECORD_CATEGORIES,
  RecordSource,
  VillageDoc,
} from '@sunshine/projections';
import { PickKind } from '../validation/form';

type Resolved = { ok: true; id: string } | { ok: false; problem: Message };

interface Names {
  ids: Set<string>;
  byName: Map<string, string[]>;
}

const WHAT: Partial<Record<PickKind, string>> = {
  village: '村',
  project: '项目',
  investment: '招商项目（投资方）',
  indicator: '指标',
};

/**
 * The records a register's picked columns may name, by id or by their exact Chinese name: villages,
 * projects, investments (by investor) and indicators. Read once from the read models per upload.
 */
export class NameDirectory {
  private constructor(private readonly names: Map<PickKind, Names>) {}

  static async read(source: RecordSource): Promise<NameDirectory> {
    const names = new Map<PickKind, Names>();
    const collect = async <Doc>(
      kind: PickKind,
      category: string,
      entry: (doc: Doc) => [string, string | undefined],
    ) => {
      const found: Names = { ids: new Set(), byName: new Map() };
      for await (const doc of source.scan<Doc>(category)) {
        const [id, name] = entry(doc);
        found.ids.add(id);
        if (name) found.byName.set(name, [...(found.byName.get(name) ?? []), id]);
      }
      names.set(kind, found);
    };
    await collect<VillageDoc>('village', RECORD_CATEGORIES.village, (d) => [d.villageId, d.name]);
    await collect<ProjectDoc>('project', RECORD_CATEGORIES.project, (d) => [
      d.projectId,
      d.voided ? undefined : d.name,
    ]);
    await collect<InvestmentDoc>('investment', RECORD_CATEGORIES.investment, (d) => [
      d.investmentId,
      d.voided ? undefined : d.investor,
    ]);
    await collect<IndicatorDoc>('indicator', RECORD_CATEGORIES.indicator, (d) => [
      d.code,
      d.name ?? (hasWordFor('indicator', d.code) ? wordFor('indicator', d.code) : undefined),
    ]);
    // The built-in indicators are known by name before anything was reported of them.
    const indicators = names.get('indicator') as Names;
    for (const [code, name] of Object.entries(VOCABULARY.indicator))
      if (!indicators.byName.has(name) && !indicators.ids.has(code)) indicators.byName.set(name, [code]);
    return new NameDirectory(names);
  }

  /**
   * The id a cell names: an id on record, or the exact name of exactly one record. An id not on
   * record is passed on, so the ledger says it does not exist; text that is neither is refused here.
   */
  resolve(kind: PickKind, written: string): Resolved {
    const names = this.names.get(kind);
    if (!names || names.ids.has(written)) return { ok: true, id: written };
    const ids = names.byName.get(written) ?? [];
    if (ids.length === 1) return { ok: true, id: ids[0] };
    if (ids.length > 1)
      return {
        ok: false,
        problem: {
          zh: `名称「${written}」对应多个${WHAT[kind]}（${ids.join('、')}），请填写编号`,
          en: `"${written}" names several records (${ids.join(', ')}); write the id`,
        },
      };
    if (ID_PATTERN.test(written)) return { ok: true, id: written };
    return {
      ok: false,
      problem: {
        zh: `找不到名为「${written}」的${WHAT[kind]}，请填写编号或准确的名称`,
        en: `no ${kind} is named "${written}"; write its id or exact name`,
      },
    };
  }
}
