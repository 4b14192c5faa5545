/**
 * One row per figure. Every figure stands beside a reference measured in the same run, and the
 * ratio between them is what the targets speak of (or, for absolute targets, the value itself).
 */
export interface Target {
  /** What the bound applies to: the figure itself or its ratio to the reference. */
  on: 'value' | 'ratio';
  op: '>=' | '<=' | '<';
  bound: number;
}

export interface Row {
  scenario: string;
  value: number | null;
  unit: string;
  reference: string;
  referenceValue: number | null;
  ratio: number | null;
  target?: string;
  met?: boolean | null;
  note?: string;
}

export interface RowInput {
  scenario: string;
  value: number | null;
  unit: string;
  reference: string;
  referenceValue: number | null;
  target?: Target;
  note?: string;
}

const describeTarget = (t: Target, unit: string) =>
  `${t.on === 'ratio' ? 'ratio ' : ''}${t.op === '>=' ? '≥' : t.op === '<=' ? '≤' : '<'} ${t.bound}${t.on === 'value' ? ` ${unit}` : ''}`;

const meets = (t: Target, value: number): boolean =>
  t.op === '>=' ? value >= t.bound : t.op === '<=' ? value <= t.bound : value < t.bound;

export const toRow = (input: RowInput): Row => {
  const ratio =
    input.value !== null && input.referenceValue !== null && input.referenceValue !== 0
      ? round(input.value / input.referenceValue, 3)
      : null;
  const row: Row = {
    scenario: input.scenario,
    value: input.value === null ? null : round(input.value, input.value >= 100 ? 0 : 3),
    unit: input.unit,
    reference: input.reference,
    referenceValue:
      input.referenceValue === null ? null : round(input.referenceValue, input.referenceValue >= 100 ? 0 : 3),
    ratio,
  };
  if (input.target) {
    row.target = describeTarget(input.target, input.unit);
    const measured = input.target.on === 'ratio' ? ratio : input.value;
    row.met = measured === null ? null : meets(input.target, measured);
  }
  // Error messages may span lines (a require stack): one line per row.
  if (input.note) row.note = input.note.replace(/\s*\n\s*/g, ' ');
  return row;
};

/** A row that could not be measured: the harness says why instead of crashing. */
export const unavailable = (
  scenario: string,
  unit: string,
  reference: string,
  why: string,
  target?: Target,
): RowInput => ({
  scenario,
  value: null,
  unit,
  reference,
  referenceValue: null,
  target,
  note: `n/a (${why})`,
});

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

const format = (n: number | null): string => {
  if (n === null) return 'n/a';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(n === 0 ? 0 : 3).replace(/\.?0+$/, '') || '0';
};

const COLUMNS: { title: string; width: number; align: 'left' | 'right'; cell: (r: Row) => string }[] = [
  { title: 'scenario', width: 38, align: 'left', cell: (r) => r.scenario },
  { title: 'value', width: 11, align: 'right', cell: (r) => format(r.value) },
  { title: 'unit', width: 10, align: 'left', cell: (r) => r.unit },
  { title: 'reference', width: 38, align: 'left', cell: (r) => r.reference },
  { title: 'ref value', width: 11, align: 'right', cell: (r) => format(r.referenceValue) },
  { title: 'ratio', width: 7, align: 'right', cell: (r) => (r.ratio === null ? 'n/a' : r.ratio.toFixed(2)) },
  { title: 'target', width: 14, align: 'left', cell: (r) => r.target ?? '' },
  {
    title: '',
    width: 6,
    align: 'left',
    cell: (r) => (r.met === undefined ? '' : r.met === null ? 'n/a' : r.met ? 'met' : 'MISSED'),
  },
];

const pad = (text: string, width: number, align: 'left' | 'right') => {
  const len = [...text].length;
  if (len >= width) return text;
  return align === 'left' ? text + ' '.repeat(width - len) : ' '.repeat(width - len) + text;
};

const line = (cells: string[]) =>
  cells
    .map((c, i) => pad(c, COLUMNS[i].width, COLUMNS[i].align))
    .join(' ')
    .trimEnd();

/** Prints rows as they are measured: a table (to stdout, or stderr with --json) and JSON lines. */
export class Report {
  readonly rows: Row[] = [];
  private headed = false;

  constructor(
    private readonly json: boolean,
    private readonly out: (text: string) => void = (t) => process.stdout.write(t),
    private readonly err: (text: string) => void = (t) => process.stderr.write(t),
  ) {}

  private table(text: string) {
    (this.json ? this.err : this.out)(text);
  }

  header(): void {
    if (this.headed) return;
    this.headed = true;
    this.table(`${line(COLUMNS.map((c) => c.title))}\n${line(COLUMNS.map((c) => '-'.repeat(c.width)))}\n`);
  }

  add(input: RowInput): Row {
    const row = toRow(input);
    this.rows.push(row);
    this.header();
    this.table(`${line(COLUMNS.map((c) => c.cell(row)))}${row.note ? `  ${row.note}` : ''}\n`);
    if (this.json) this.out(`${JSON.stringify(row)}\n`);
    return row;
  }

  /** A line of context between rows (what ran, where), never a figure. */
  say(text: string): void {
    this.err(`${text}\n`);
  }

  /** The table as Markdown, for docs/PERFORMANCE.md. */
  markdown(): string {
    const cell = (text: string) => text.replace(/\|/g, '\\|');
    const head =
      '| scenario | value | unit | reference | ref value | ratio | target | result | note |\n|---|---:|---|---|---:|---:|---|---|---|\n';
    const rows = this.rows.map((r) =>
      [
        r.scenario,
        format(r.value),
        r.unit,
        r.reference,
        format(r.referenceValue),
        r.ratio === null ? 'n/a' : r.ratio.toFixed(2),
        r.target ?? '',
        r.met === undefined ? '' : r.met === null ? 'n/a' : r.met ? 'met' : '**missed**',
        r.note ?? '',
      ]
        .map(cell)
        .join(' | '),
    );
    return `${head}${rows.map((r) => `| ${r} |`).join('\n')}\n`;
  }
}
