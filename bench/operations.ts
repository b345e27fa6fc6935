// One-shot operations the bench times whole, after the load: a CSV import of feedback (rows/s) and the
// theme clustering of 2,000 unlinked items (ms). Both go through the HTTP API like a client would.
import type { BenchContext } from './endpoints.js';
import type { BenchResults } from './report.js';

const IMPORT_ROWS = 20_000;
const THEME_ITEMS = 2_000;

function csv(rows: number): string {
  const topics = ['checkout fails on mobile', 'search misses typos', 'export lacks the tax id', 'need SSO with Okta', 'the app crashes on long lists'];
  const lines = ['text,source,customer,captured_at,tags'];
  for (let i = 0; i < rows; i++) {
    lines.push(`"Bench import ${i}: ${topics[i % topics.length]}, ""quoted""",support,,2026-0${1 + (i % 9)}-1${i % 10},bench;import`);
  }
  return `${lines.join('\n')}\n`;
}

/** Times the operations; a failure is recorded as a problem, like a non-2xx in the load. */
export async function measureOperations(base: string, ctx: BenchContext, log: (m: string) => void, problems: string[]): Promise<BenchResults['operations']> {
  const w = `${base}/api/v1/workspaces/${ctx.workspaceId}`;
  const auth = { authorization: `Bearer ${ctx.token}` };
  const operations: BenchResults['operations'] = {};

  log(`CSV import of ${IMPORT_ROWS.toLocaleString('en')} feedback rows…`);
  const body = csv(IMPORT_ROWS);
  let started = performance.now();
  const imported = await fetch(`${w}/feedback/import`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body });
  const importMs = performance.now() - started;
  const result = (await imported.json()) as { imported?: number; duplicates?: number; rejectedCount?: number };
  if (!imported.ok || result.imported !== IMPORT_ROWS) problems.push(`feedback import: ${imported.status} ${JSON.stringify(result).slice(0, 200)}`);
  else operations['feedback-import'] = { value: Math.round(IMPORT_ROWS / (importMs / 1000)), unit: 'rows/s', detail: `${IMPORT_ROWS} rows, ${(body.length / 1_048_576).toFixed(1)} MB in ${Math.round(importMs)} ms` };

  log(`theme clustering of ${THEME_ITEMS.toLocaleString('en')} items…`);
  const ids: string[] = [];
  let cursor: string | null = null;
  while (ids.length < THEME_ITEMS) {
    const page = await fetch(`${w}/feedback?status=new&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: auth });
    const json = (await page.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...json.items.map((i) => i.id));
    cursor = json.nextCursor;
    if (!cursor) break;
  }
  const times: number[] = [];
  let themes = 0;
  for (let run = 0; run < 3; run++) {
    started = performance.now();
    const res = await fetch(`${w}/feedback/themes`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ feedbackIds: ids.slice(0, THEME_ITEMS) }) });
    times.push(performance.now() - started);
    const json = (await res.json()) as { themes?: unknown[] };
    if (!res.ok) problems.push(`themes: ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
    themes = json.themes?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  operations['themes-2000'] = { value: Math.round(times[1]!), unit: 'ms', detail: `median of 3 runs on ${Math.min(ids.length, THEME_ITEMS)} items, ${themes} themes` };

  if (ctx.roadmapFeatures > 0) await measureRescore(w, auth, log, problems, operations);
  return operations;
}

/**
 * Rescoring every feature after a framework weight change: the first read creates the default
 * frameworks (and scores everything once, untimed); then each run raises a weight of the weighted
 * framework and saves the whole set, which rescores all features before it answers. Median of 3.
 */
async function measureRescore(w: string, auth: Record<string, string>, log: (m: string) => void, problems: string[], operations: BenchResults['operations']) {
  log('rescoring all features after a framework weight change…');
  type Set = { version: number; frameworks: { id: string; kind: string; name: string; enabled: boolean; isDefault: boolean; config: { criteria?: { weight: number }[] } }[] };
  const times: number[] = [];
  let rescored = 0;
  for (let run = 0; run < 3; run++) {
    const current = (await (await fetch(`${w}/prioritization/frameworks`, { headers: auth })).json()) as Set;
    const frameworks = current.frameworks.map((f) => {
      const { id, kind, name, enabled, isDefault, config } = f;
      const criteria = config.criteria?.map((c, i) => (i === 0 ? { ...c, weight: c.weight + 1 } : c));
      return { id, kind, name, enabled, isDefault, config: criteria ? { ...config, criteria } : config };
    });
    const started = performance.now();
    const res = await fetch(`${w}/prioritization/frameworks`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ frameworks, version: current.version }) });
    times.push(performance.now() - started);
    const json = (await res.json()) as { rescored?: { features: number } };
    if (!res.ok) {
      problems.push(`rescore: ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
      return;
    }
    rescored = json.rescored?.features ?? 0;
  }
  times.sort((a, b) => a - b);
  operations['rescore-all'] = { value: Math.round(times[1]!), unit: 'ms', detail: `median of 3 saves, ${rescored.toLocaleString('en')} features rescored each` };
}

const REPORT_RUNS = 15;
const PDF_RUNS = 5;

type ReportBody = { id?: string; content?: { sections?: { key: string; blocks: { type: string; items?: string[] }[] }[] } };
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
/** How many list items a section of a compiled report has. */
const itemsOf = (report: ReportBody, key: string) => report.content?.sections?.find((s) => s.key === key)?.blocks.reduce((n, b) => n + (b.items?.length ?? 0), 0) ?? 0;

/**
 * Issue 7, in the represent workspace: compiling the executive report of its product (40 components,
 * 20,000 features) through `POST /reports`, REPORT_RUNS times one after the other after an untimed one.
 * Each compiled report is deleted again, so every run folds the same "what changed" (since the report
 * the generator dated 14 days ago). Then the PDF export of one compiled report, median of PDF_RUNS.
 */
export async function measureRepresent(base: string, ctx: BenchContext, log: (m: string) => void, problems: string[]): Promise<BenchResults['operations']> {
  const w = `${base}/api/v1/workspaces/${ctx.representWorkspaceId}`;
  const auth = { authorization: `Bearer ${ctx.token}` };
  const operations: BenchResults['operations'] = {};
  const compile = async (): Promise<{ ms: number; report: ReportBody } | null> => {
    const started = performance.now();
    const res = await fetch(`${w}/reports`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ productId: ctx.representProductId, audience: 'executive' }) });
    const report = (await res.json()) as ReportBody;
    const ms = performance.now() - started;
    if (res.status !== 201 || !report.id) {
      problems.push(`report compile: ${res.status} ${JSON.stringify(report).slice(0, 200)}`);
      return null;
    }
    if (itemsOf(report, 'health') !== ctx.representComponents) problems.push(`report compile: ${itemsOf(report, 'health')} component health lines, expected ${ctx.representComponents}`);
    if (itemsOf(report, 'what-changed') === 0) problems.push('report compile: no roadmap change in "what changed and why"');
    return { ms, report };
  };
  const remove = async (id: string) => {
    const res = await fetch(`${w}/reports/${id}`, { method: 'DELETE', headers: auth });
    if (res.status !== 204) problems.push(`report delete: ${res.status}`);
  };

  log(`executive report of a product with ${ctx.representComponents} components and ${ctx.representFeatures.toLocaleString('en')} features: ${REPORT_RUNS} compiles…`);
  const times: number[] = [];
  let last: ReportBody | null = null;
  for (let run = 0; run <= REPORT_RUNS; run++) {
    const compiled = await compile();
    if (!compiled) return operations;
    await remove(compiled.report.id!);
    if (run > 0) times.push(compiled.ms);
    last = compiled.report;
  }
  times.sort((a, b) => a - b);
  const shape = `${itemsOf(last!, 'health')} components, ${itemsOf(last!, 'key-results')} key results, ${itemsOf(last!, 'decisions')} decisions, ${itemsOf(last!, 'what-changed')} roadmap changes`;
  operations['report-compile'] = { value: Math.round(percentile(times, 50)), unit: 'ms', detail: `median of ${REPORT_RUNS} sequential compiles (p95 ${Math.round(percentile(times, 95))} ms, max ${Math.round(times.at(-1)!)} ms); ${shape}` };
  operations['report-compile-p95'] = { value: Math.round(percentile(times, 95)), unit: 'ms', detail: `p95 of ${REPORT_RUNS} sequential compiles` };

  log(`PDF export of the executive report, ${PDF_RUNS} runs…`);
  const kept = await compile();
  if (!kept) return operations;
  const pdfTimes: number[] = [];
  let bytes = 0;
  let pages = 0;
  for (let run = 0; run < PDF_RUNS; run++) {
    const started = performance.now();
    const res = await fetch(`${w}/reports/${kept.report.id}/export?format=pdf`, { headers: auth });
    const body = Buffer.from(await res.arrayBuffer());
    pdfTimes.push(performance.now() - started);
    if (res.status !== 200 || body.subarray(0, 5).toString('latin1') !== '%PDF-') {
      problems.push(`PDF export: ${res.status}, body starts with ${JSON.stringify(body.subarray(0, 20).toString('latin1'))}`);
      return operations;
    }
    bytes = body.length;
    pages = body.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
  }
  await remove(kept.report.id!);
  pdfTimes.sort((a, b) => a - b);
  operations['report-pdf'] = { value: Math.round(percentile(pdfTimes, 50)), unit: 'ms', detail: `median of ${PDF_RUNS} exports (GET /reports/{id}/export?format=pdf), ${pages} pages, ${(bytes / 1024).toFixed(0)} KB` };
  return operations;
}
