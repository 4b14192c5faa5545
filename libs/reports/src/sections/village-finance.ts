import { wordFor } from '@sunshine/domain';
import { join, Paragraph, Section, text } from '../document';
import { hasMoney, Writer } from './writer';

/**
 * 村级“三资”管理: the prose written for it; the villages' cash books in the span (reversed entries
 * excluded); the debts it started with (存量), debts registered in it (新增) and settlements in it of
 * either (化解). The sentence on vouchers and resolutions is stated only when entries exist. Left
 * out when none of it exists.
 */
export const villageFinanceSection = (w: Writer): Section | undefined => {
  const v = w.summary.villageFinance;
  const before = w.before?.villageFinance;
  const paragraphs: Paragraph[] = [...w.prose('village-finance')];
  const cashBook = [
    hasMoney(v.receipts) ? text`收入${w.money('villageFinance.receipts', v.receipts, before?.receipts)}` : [],
    hasMoney(v.expenditures)
      ? text`支出${w.money('villageFinance.expenditures', v.expenditures, before?.expenditures)}`
      : [],
  ];
  if (cashBook.some((part) => part.length > 0))
    paragraphs.push(
      text`${w.words.span}各村集体账目（已冲销的账目不计）共登记${join(cashBook, '、')}。每一笔收支均登记凭证号，支出均附村民会议决议，账目全程留痕、不可改写。`,
    );

  const debts = [
    hasMoney(v.debtsOutstandingAtStart)
      ? text`${w.words.atStart}村级存量债务${w.money('villageFinance.debtsOutstandingAtStart', v.debtsOutstandingAtStart, before?.debtsOutstandingAtStart)}`
      : [],
    hasMoney(v.debtsRegistered)
      ? text`${w.words.span}新增村级债务${w.money('villageFinance.debtsRegistered', v.debtsRegistered, before?.debtsRegistered)}`
      : [],
    hasMoney(v.debtsSettled)
      ? text`化解村级债务${w.money('villageFinance.debtsSettled', v.debtsSettled, before?.debtsSettled)}（含偿还、核销和债务重组）`
      : [],
  ];
  if (debts.some((part) => part.length > 0)) paragraphs.push(text`${join(debts, '；')}。`);
  return paragraphs.length > 0 ? { heading: wordFor('reportSection', 'village-finance'), paragraphs } : undefined;
};
