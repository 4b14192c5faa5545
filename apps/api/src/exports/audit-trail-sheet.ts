import { AuditTrailEntry } from '@sunshine/application';
import { Money, wordFor } from '@sunshine/domain';
import { RecordNames } from '@sunshine/projections';
import { CellValue, XlsxExport } from '@sunshine/reports';

/** The amount an event is about, where it carries one (a signing's, an entry's, a report's). */
const MONEY_FIELDS = ['amount', 'investedToDate', 'plannedInvestment', 'amountInvolved', 'amountRecovered'];

const moneyOf = (data: unknown): Money | undefined => {
  if (typeof data !== 'object' || data === null) return undefined;
  for (const field of MONEY_FIELDS) {
    const value = (data as Record<string, unknown>)[field] as Partial<Money> | undefined;
    if (typeof value?.currency === 'string' && typeof value.minor === 'number') return value as Money;
  }
  return undefined;
};

/** The audit trail (a stream's events, or the log filtered): one row per event, in the JSON's order. */
export const auditTrailSheets = async (
  entries: AuditTrailEntry[],
  names: RecordNames,
  notes: [string, string][],
): Promise<XlsxExport> => {
  const rows: CellValue[][] = [];
  for (const entry of entries) {
    const money = moneyOf(entry.data);
    rows.push([
      entry.position,
      await names.ofStream(entry.stream),
      entry.stream,
      entry.revision,
      wordFor('eventType', entry.type),
      entry.occurredOn,
      entry.recordedAt,
      entry.actor.userId,
      wordFor('role', entry.actor.role),
      entry.corrects ?? '',
      money?.minor ?? null,
      money?.currency ?? '',
      JSON.stringify(entry.data),
      wordFor('integrityStatus', entry.integrity),
      entry.hash,
      entry.prevHash,
      entry.eventId,
    ]);
  }
  return {
    sheets: [
      {
        name: '审计日志',
        columns: [
          { header: '日志位置', kind: 'text', width: 10 },
          { header: '记录', kind: 'text', width: 28 },
          { header: '记录流', kind: 'text', width: 28 },
          { header: '版本', kind: 'integer' },
          { header: '事件', kind: 'text', width: 16 },
          { header: '业务日期', kind: 'date' },
          { header: '录入时间（北京时间）', kind: 'datetime' },
          { header: '录入人', kind: 'text', width: 12 },
          { header: '角色', kind: 'text', width: 8 },
          { header: '更正的事件', kind: 'text', width: 38 },
          // In the event's own currency (元 for CNY): amounts are never converted.
          { header: '金额', kind: 'yuan' },
          { header: '币种', kind: 'text', width: 6 },
          { header: '内容', kind: 'text', width: 60 },
          { header: '完整性', kind: 'text', width: 10 },
          { header: '哈希', kind: 'text', width: 66 },
          { header: '前一哈希', kind: 'text', width: 66 },
          { header: '事件编号', kind: 'text', width: 38 },
        ],
        rows,
      },
    ],
    notes,
  };
};
