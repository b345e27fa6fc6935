import { lshColumn } from '../insights/text/lsh.js';
import type { Db } from '../../db/client.js';
import { feedbackDedupeKey } from '../feedback/feedback.dedupe.js';
import { newId } from '../../lib/ids.js';
import { analyzeDiscovery, insertDiscoveryRows } from './demo-discovery.repository.js';

const SOURCES = ['customer_success', 'sales', 'product_marketing', 'support', 'interview', 'survey', 'other'] as const;
const SEGMENTS = ['Enterprise', 'Mid-market', 'SMB'] as const;
const PROBLEMS = [
  ['checkout', 'card payments fail at the 3-D Secure step on mobile'],
  ['search', 'search returns nothing for misspelled product names'],
  ['export', 'exporting orders to CSV leaves out the tax id'],
  ['sso', 'we need single sign-on with Okta before rollout'],
  ['mobile', 'the app crashes when the wish list is long'],
  ['pricing', 'the upgrade to the next plan is too expensive for us'],
  ['invoices', 'invoice PDFs are missing our VAT number'],
  ['darkmode', 'the dashboard needs a dark mode for night shifts'],
  ['bulk', 'editing hundreds of products one by one takes hours'],
  ['api', 'the API rate limit blocks our nightly import'],
  ['notifications', 'shoppers get too many push notifications'],
  ['onboarding', 'new staff cannot find where to set up shipping'],
  ['inventory', 'stock levels lag behind the warehouse and we oversell'],
  ['roles', 'warehouse staff should not see revenue figures'],
  ['reports', 'finance rebuilds the weekly revenue report in a spreadsheet'],
  ['webhooks', 'webhooks arrive twice and create duplicate shipments'],
] as const;
const OPENERS = ['Our team says', 'Customer reports that', 'Heard on the call:', 'Big pain:', 'Again this week,', 'Escalation:', 'From the QBR:', 'Feature request:'];
const TAILS = ['', ' This costs us sales every week.', ' Please prioritise.', ' Competitors already solved this.', ' It blocks our renewal.', ' Not urgent but annoying.'];

/** A deterministic pseudo-random generator, so a factor always makes the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The benchmark's discovery data: at factor 1, 20,000 customers and 200,000 feedback items spread over
 * two years, sixteen recurring problems, all sources and segments. Inserted in batches.
 */
export async function generateDiscovery(
  db: Db,
  ctx: { workspaceId: string; factor: number; memberIds: string[]; componentIds: string[]; onProgress?: (done: number, total: number) => void },
): Promise<{ customers: number; feedback: number }> {
  const random = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const customerCount = Math.max(1, Math.round(20_000 * ctx.factor));
  const feedbackCount = Math.max(1, Math.round(200_000 * ctx.factor));
  const { workspaceId } = ctx;
  const customerIds: string[] = [];
  for (let i = 0; i < customerCount; i += 2_000) {
    const batch = Array.from({ length: Math.min(2_000, customerCount - i) }, (_, j) => {
      const n = i + j;
      const id = newId();
      customerIds.push(id);
      return {
        id,
        workspaceId,
        name: `Customer ${n + 1}`,
        domain: `customer-${n + 1}.example`,
        segment: pick(SEGMENTS),
        plan: pick(['Starter', 'Growth', 'Scale']),
        arr: String(Math.round(5_000 + random() * 495_000)),
        currency: 'USD',
        status: random() < 0.9 ? 'active' : 'churned',
        externalId: `GEN-${n + 1}`,
      };
    });
    await insertDiscoveryRows(db, { customers: batch, contacts: [], interviews: [], feedback: [], feedbackComponents: [], opportunities: [], opportunityComponents: [], evidence: [], experiments: [], experimentOpportunities: [] });
  }
  // The generator repeats its texts: hash each once.
  const lshCache = new Map<string, number[]>();
  const lshOf = (text: string) => lshCache.get(text) ?? lshCache.set(text, lshColumn(text, workspaceId)).get(text)!;
  const now = Date.now();
  for (let i = 0; i < feedbackCount; i += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, feedbackCount - i) }, () => {
      const [tag, problem] = pick(PROBLEMS);
      const text = `${pick(OPENERS)} ${problem}.${pick(TAILS)}`;
      const source = pick(SOURCES);
      const customerId = random() < 0.85 ? pick(customerIds) : null;
      const capturedAt = new Date(now - Math.floor(random() * 730) * 86_400_000 - Math.floor(random() * 86_400_000));
      return {
        id: newId(),
        workspaceId,
        text,
        lsh: lshOf(text),
        source,
        customerId,
        capturedById: ctx.memberIds.length ? pick(ctx.memberIds) : null,
        capturedAt,
        status: pick(['new', 'new', 'triaged', 'archived']),
        importance: 1 + Math.floor(random() * 4),
        tags: [tag],
        dedupeKey: feedbackDedupeKey({ text, source, customerId, capturedAt }),
      };
    });
    const links = ctx.componentIds.length ? rows.map((r) => ({ workspaceId, feedbackId: r.id, componentId: pick(ctx.componentIds) })) : [];
    await insertDiscoveryRows(db, { customers: [], contacts: [], interviews: [], feedback: rows, feedbackComponents: links, opportunities: [], opportunityComponents: [], evidence: [], experiments: [], experimentOpportunities: [] });
    ctx.onProgress?.(i + rows.length, feedbackCount);
  }
  await analyzeDiscovery(db);
  return { customers: customerCount, feedback: feedbackCount };
}
