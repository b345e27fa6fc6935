import { METRIC_CSV_TIME_COLUMNS, parseMetricTime, parseMetricValue } from '../../../../shared/contracts.js';

/** Splits CSV text into rows of cells (quoted cells may hold commas, quotes and newlines). */
export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

export interface PreviewRow {
  line: number;
  raw: { time: string; value: string };
  at: Date | null;
  value: number | null;
}
export interface Preview {
  timeColumn: string | null;
  hasValue: boolean;
  rows: PreviewRow[];
  bad: PreviewRow[];
}

/** Reads the file as the server will: the time column, the value column, and which rows would be refused. */
export function previewCsv(text: string): Preview {
  const [header = [], ...body] = parseCsvText(text.replace(/^\uFEFF/, ''));
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const timeColumn = METRIC_CSV_TIME_COLUMNS.find((c) => names.includes(c)) ?? null;
  const ti = timeColumn ? names.indexOf(timeColumn) : -1;
  const vi = names.indexOf('value');
  const rows = body.map((r, i) => {
    const raw = { time: ti >= 0 ? (r[ti] ?? '') : '', value: vi >= 0 ? (r[vi] ?? '') : '' };
    return { line: i + 2, raw, at: parseMetricTime(raw.time), value: parseMetricValue(raw.value) };
  });
  return { timeColumn, hasValue: vi >= 0, rows, bad: rows.filter((r) => !r.at || r.value === null) };
}

