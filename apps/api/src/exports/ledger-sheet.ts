import { formatMinor, wordFor } from '@sunshine/domain';
import { LedgerDebt, LedgerEntry } from '@sunshine/projections';
import { CellValue, formatDate, XlsxExport } from '@sunshine/reports';

interface Ledger {
  villageId: string;
  asOf: string;
  knownAt: string | null;
  balance: Record<string, number>;
  entries: LedgerEntry[];
  debts: LedgerDebt[];
}

const entryRow = (entry: LedgerEntry): CellValue[] => [
  entry.on,
  entry.kind === 'receipt' ? '收入' : '支出',
  wordFor(entry.kind === 'receipt' ? 'receiptCategory' : 'expenditureCategory', entry.category),
  entry.party,
  entry.voucherNo,
  entry.approvalRef ?? '',
  entry.kind === 'receipt' ? entry.amount.minor : null,
  entry.kind === 'expenditure' ? entry.amount.minor : null,
  entry.reversal?.on ?? null,
  entry.reversal?.reason ?? '',
  entry.entryId,
];

const debtRow = (debt: LedgerDebt): CellValue[] => [
  debt.debtId,
  debt.creditor,
  debt.incurredOn,
  debt.amount.minor,
  debt.settled.minor,
  debt.outstanding.minor,
  debt.settlements
    .map((s) => `${formatDate(s.settledOn)} ${wordFor('settlementMethod', s.method)} ${formatMinor(s.amount.minor)}元`)
    .join('\n'),
];

/** A village's cash book and debts as of a date, as the ledger's JSON answer lists them. */
export const ledgerSheets = (ledger: Ledger, villageName: string): XlsxExport => ({
  sheets: [
    {
      name: '现金日记账',
      columns: [
        { header: '日期', kind: 'date' },
        { header: '收支', kind: 'text', width: 8 },
        { header: '科目', kind: 'text', width: 16 },
        { header: '对方单位', kind: 'text' },
        { header: '凭证号', kind: 'text', width: 14 },
        { header: '审批文号', kind: 'text' },
        { header: '收入（元）', kind: 'yuan' },
        { header: '支出（元）', kind: 'yuan' },
        { header: '冲销日期', kind: 'date' },
        { header: '冲销原因', kind: 'text' },
        { header: '账目编号', kind: 'text', width: 14 },
      ],
      rows: ledger.entries.map(entryRow),
    },
    {
      name: '债务',
      columns: [
        { header: '债务编号', kind: 'text', width: 14 },
        { header: '债权人', kind: 'text' },
        { header: '发生日期', kind: 'date' },
        { header: '债务金额（元）', kind: 'yuan' },
        { header: '已化解（元）', kind: 'yuan' },
        { header: '尚欠（元）', kind: 'yuan' },
        { header: '化解记录', kind: 'text', width: 40 },
      ],
      rows: ledger.debts.map(debtRow),
    },
  ],
  notes: [
    ['村', villageName],
    ['截至日期', formatDate(ledger.asOf)],
    ['录入截至', ledger.knownAt ?? '最新'],
    ['现金余额（元）', formatMinor(ledger.balance.CNY ?? 0)],
  ],
});
