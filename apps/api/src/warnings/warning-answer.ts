import { wordFor } from '@sunshine/domain';
import { EvaluatedWarning, RecordNames, WarningHandlingView } from '@sunshine/projections';
import { CellValue, formatDate, SheetTable, warningDetail } from '@sunshine/reports';

/** One warning as `GET /api/v1/warnings` answers it (CONTRACT.md, "Reading"). */
export interface WarningAnswer {
  warningId: string;
  rule: EvaluatedWarning['rule'];
  level: EvaluatedWarning['level'];
  stream: string;
  villageId: string | null;
  raisedOn: string;
  detail: string;
  status: EvaluatedWarning['status'];
  handling: WarningHandlingView[];
}

export const warningAnswer = async (warning: EvaluatedWarning, names: RecordNames): Promise<WarningAnswer> => {
  const { warningId, rule, level, stream, villageId, raisedOn, status, handling, facts } = warning;
  const village = villageId === null ? null : ((await names.village(villageId)) ?? villageId);
  const auditSubject = facts.rule === 'finding-unrectified' ? await names.auditSubject(facts.subject) : undefined;
  const detail = warningDetail(warning, { village, auditSubject });
  return { warningId, rule, level, stream, villageId, raisedOn, detail, status, handling };
};

/** A handling trail as one cell: each handling on its own line. */
const trailText = (handling: WarningHandlingView[]): string =>
  handling
    .map((h) => `${formatDate(h.handledOn)} ${wordFor('warningAction', h.action)}（${h.by.userId}）：${h.note}`)
    .join('\n');

/** The warnings as a sheet: one row per warning, in the order of the JSON answer. */
export const warningsSheet = async (warnings: WarningAnswer[], names: RecordNames): Promise<SheetTable> => {
  const rows: CellValue[][] = [];
  for (const w of warnings)
    rows.push([
      wordFor('warningLevel', w.level),
      wordFor('warningRule', w.rule),
      w.villageId === null ? '' : ((await names.village(w.villageId)) ?? w.villageId),
      await names.ofStream(w.stream),
      w.detail,
      w.raisedOn,
      wordFor('warningStatus', w.status),
      trailText(w.handling),
      w.warningId,
    ]);
  return {
    name: '预警清单',
    columns: [
      { header: '预警级别', kind: 'text', width: 12 },
      { header: '预警类型', kind: 'text', width: 20 },
      { header: '村', kind: 'text', width: 12 },
      { header: '记录', kind: 'text', width: 28 },
      { header: '预警说明', kind: 'text', width: 60 },
      { header: '预警日期', kind: 'date' },
      { header: '处置状态', kind: 'text', width: 10 },
      { header: '处置记录', kind: 'text', width: 48 },
      { header: '预警编号', kind: 'text', width: 40 },
    ],
    rows,
  };
};
