import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { AppError, invalid } from './app-error.js';

/** One data row of a CSV file: its values by (normalised) column name, or why it could not be read. */
export interface CsvRow {
  /** Line of the file where the row starts; the header is line 1. */
  line: number;
  values: Record<string, string>;
  /** Set when the row is malformed (an unclosed quote…): it has no values and is to be rejected. */
  error?: string;
}

export interface CsvTable {
  /** The known columns the file has. */
  columns: string[];
  /** Columns of the file that are not known, as written in the header. */
  ignoredColumns: string[];
  rows: AsyncGenerator<CsvRow>;
}

export interface CsvOptions {
  /** Column names the caller understands (lower-case, `_` for spaces). */
  known: readonly string[];
  /** Columns the header must have; a file without one answers 400. */
  required?: readonly string[];
  /** Bytes at most; past that the read stops with 413. */
  maxBytes?: number;
}

export type CsvInput = AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>;

/** `Customer Name` → `customer_name`: headers written by people and by spreadsheets both match. */
const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Decodes the bytes as UTF-8, refusing anything else: spreadsheets still export Latin-1 or UTF-16,
 * and silently turning their accents into U+FFFD would corrupt every imported row.
 * The BOM is dropped by the decoder. Rows read before a bad byte have already been handed on.
 */
async function* decodeUtf8(input: CsvInput, maxBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let lines = 1;
  let first = true;
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      // Already text (a parser handed us a string): only the size and BOM matter.
      bytes += Buffer.byteLength(chunk);
      if (bytes > maxBytes) throw tooLarge(maxBytes);
      const text = first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      yield text;
      continue;
    }
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (first && buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
      throw invalid('file', 'is encoded as UTF-16; save it as CSV UTF-8 and import it again');
    }
    first = false;
    bytes += buf.length;
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    let text: string;
    try {
      text = decoder.decode(buf, { stream: true });
    } catch {
      const prefix = new TextDecoder('utf-8').decode(buf);
      const at = prefix.indexOf('\uFFFD');
      throw invalid('file', `is not valid UTF-8 (invalid byte sequence at line ${lines + countNewlines(at === -1 ? '' : prefix.slice(0, at))}); save it as CSV UTF-8 and import it again`);
    }
    lines += countNewlines(text);
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw invalid('file', `is not valid UTF-8 (the file ends inside a character, line ${lines}); save it as CSV UTF-8 and import it again`);
  }
}

const tooLarge = (maxBytes: number) => new AppError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1_048_576)} MB`);

/**
 * Opens a CSV file streamed from `input`: reads the header, then yields the rows one by one with the
 * line they start on (quoted fields may span lines). Rows with no value at all are skipped; cells beyond
 * the header are dropped; missing cells read as ''. A malformed row comes with `error` and no values;
 * note that an unclosed quote swallows the rest of the file into one bad row (csv-parse cannot resync).
 */
export async function openCsv(input: CsvInput, options: CsvOptions): Promise<CsvTable> {
  const skipped: CsvRow[] = [];
  const parser = parse({
    info: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    on_skip: (err: CsvError | undefined) => {
      const line = Number((err as { lines?: number } | undefined)?.lines ?? 0);
      const why = err?.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : (err?.message ?? 'malformed row');
      skipped.push({ line, values: {}, error: `malformed CSV: ${why}` });
    },
  });
  const source = Readable.from(decodeUtf8(input, options.maxBytes ?? Number.POSITIVE_INFINITY));
  // pipe() does not forward errors: hand a decoding error to the parser, whose iterator then throws it.
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;

  const head = await records.next();
  if (head.done) throw invalid('file', 'is empty; the first line must name the columns');
  const header = head.value.record.map(normaliseHeader);
  const known = new Set(options.known);
  const index = new Map<string, number>();
  const ignoredColumns: string[] = [];
  header.forEach((name, i) => {
    if (known.has(name) && !index.has(name)) index.set(name, i);
    else if (name) ignoredColumns.push(head.value.record[i]!.trim());
  });
  const missing = (options.required ?? []).filter((c) => !index.has(c));
  if (missing.length) {
    parser.destroy();
    throw invalid('columns', `the header must have the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${header.filter(Boolean).join(', ') || 'none'})`);
  }

  async function* rows(): AsyncGenerator<CsvRow> {
    try {
      for (;;) {
        const next = await records.next();
        if (next.done) {
          while (skipped.length) yield skipped.shift()!;
          return;
        }
        const { record, info } = next.value;
        let newlines = 0;
        for (const v of record) newlines += countNewlines(v);
        const line = info.lines - newlines;
        // The parser reads ahead: report a malformed row only once the rows before it are out.
        while (skipped.length && skipped[0]!.line < line) yield skipped.shift()!;
        if (record.every((v) => v.trim() === '')) continue;
        const values: Record<string, string> = {};
        for (const [name, i] of index) values[name] = record[i] ?? '';
        yield { line, values };
      }
    } finally {
      parser.destroy();
      source.destroy();
    }
  }
  return { columns: [...index.keys()], ignoredColumns, rows: rows() };
}

/**
 * The request body of an import route as CSV input: the raw stream our text/csv parser hands over, or
 * a string or buffer (from a test or the CLI). Anything else was sent with another content type: 415.
 */
export function csvInput(body: unknown): CsvInput {
  if (typeof body === 'string' || Buffer.isBuffer(body)) return [body];
  if (body && typeof (body as AsyncIterable<Buffer>)[Symbol.asyncIterator] === 'function') return body as CsvInput;
  throw new AppError('unsupported_media_type', 'Send the CSV file itself as the body, with Content-Type: text/csv');
}
