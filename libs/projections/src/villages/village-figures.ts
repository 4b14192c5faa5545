import { LocalDate, MoneyMap } from '@sunshine/domain';
import { EntryDoc, entryPrefix, RECORD_CATEGORIES, TermDoc, VillageDoc } from '../records/record-docs';
import { RecordSource } from '../records/record-source';
import { FigureTree } from '../term-summary/figure-tree';
import { Tally, TermWindow } from '../term-summary/figures';
import { countEntry, noVillageFinance } from '../term-summary/village-finance';
import { villageLedger } from '../village-ledger/ledger';

/** One village as the villages list shows it (GET /api/v1/villages). */
export interface VillageFigures {
  villageId: string;
  name: string;
  /** The cash balance as of the date, as its ledger says. */
  balance: MoneyMap;
  /** The term's receipts and expenditures, by the term summary's rules (their sum over villages is the summary's). */
  receipts: MoneyMap;
  expenditures: MoneyMap;
  /** Outstanding as of the date: incurred before the term (存量) and in it (新增). */
  debts: { outstanding: MoneyMap; beforeTerm: MoneyMap; inTerm: MoneyMap };
}

const withCny = (map: MoneyMap): MoneyMap => ({ CNY: 0, ...map });

const add = (map: MoneyMap, currency: string, minor: number) => (map[currency] = (map[currency] ?? 0) + minor);

/** The term's cash-book figures of one village, counted by the summary's own per-entry rule. */
const termFinance = async (villageId: string, term: TermDoc | undefined, source: RecordSource) => {
  const finance = { villageFinance: noVillageFinance() };
  if (!term) return finance.villageFinance;
  const figures = new FigureTree();
  const tally = new Tally(figures);
  const window = new TermWindow(term.startsOn, term.endsOn);
  for await (const entry of source.scan<EntryDoc>(RECORD_CATEGORIES.entry, { prefix: entryPrefix(villageId) }))
    if (entry.villageId === villageId) countEntry(entry, window, tally);
  figures.writeInto(finance);
  return finance.villageFinance;
};

/** Every registered village: its balance and debts as of `asOf`, its receipts and expenditures in the term. */
export const villageFigures = async (
  source: RecordSource,
  term: TermDoc | undefined,
  asOf: LocalDate,
): Promise<VillageFigures[]> => {
  const villages: VillageDoc[] = [];
  for await (const village of source.scan<VillageDoc>(RECORD_CATEGORIES.village)) villages.push(village);
  const figures: VillageFigures[] = [];
  for (const { villageId, name } of villages) {
    const ledger = await villageLedger(villageId, { asOf }, source);
    const finance = await termFinance(villageId, term, source);
    const debts = { outstanding: { CNY: 0 }, beforeTerm: { CNY: 0 }, inTerm: { CNY: 0 } };
    for (const debt of ledger?.debts ?? []) {
      const { currency, minor } = debt.outstanding;
      add(debts.outstanding, currency, minor);
      add(term && debt.incurredOn >= term.startsOn ? debts.inTerm : debts.beforeTerm, currency, minor);
    }
    figures.push({
      villageId,
      name,
      balance: ledger?.balance ?? { CNY: 0 },
      receipts: withCny(finance.receipts),
      expenditures: withCny(finance.expenditures),
      debts,
    });
  }
  return figures;
};
