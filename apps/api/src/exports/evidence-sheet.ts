import { wordFor } from '@sunshine/domain';
import { FigureEvidence, RecordNames } from '@sunshine/projections';
import { CellValue, XlsxExport } from '@sunshine/reports';

/** The events behind one figure of a term's summary, in log order as the JSON lists them. */
export const evidenceSheets = async (
  evidence: FigureEvidence,
  term: { name: string },
  names: RecordNames,
): Promise<XlsxExport> => {
  const rows: CellValue[][] = [];
  for (const event of evidence.events)
    rows.push([
      event.position,
      await names.ofStream(event.stream),
      wordFor('eventType', event.type),
      event.occurredOn,
      event.recordedAt,
      event.stream,
      event.revision,
      event.eventId,
    ]);
  return {
    sheets: [
      {
        name: '数字依据',
        columns: [
          { header: '日志位置', kind: 'text', width: 10 },
          { header: '记录', kind: 'text', width: 28 },
          { header: '事件', kind: 'text', width: 16 },
          { header: '业务日期', kind: 'date' },
          { header: '录入时间（北京时间）', kind: 'datetime' },
          { header: '记录流', kind: 'text', width: 28 },
          { header: '版本', kind: 'integer' },
          { header: '事件编号', kind: 'text', width: 38 },
        ],
        rows,
      },
    ],
    notes: [
      ['届次', term.name],
      ['数字', evidence.figure],
      ['数值', JSON.stringify(evidence.value)],
      ['事件数', String(evidence.events.length)],
    ],
  };
};
