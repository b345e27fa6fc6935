import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { strategyProposals } from '../../db/schema/index.js';

const SECTION_NAMES: Record<string, string> = {
  vision: 'Vision',
  customers: 'Target customers',
  problems: 'Problems we solve',
  nonProblems: 'Problems we will not solve',
  principles: 'Principles',
};
const SNIPPET = 80;

/** "Vision proposal: “A sharper vision for…”": the section and the start of the suggested text, on one line. */
export function proposalLabel(section: string, text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const snippet = flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1).trimEnd()}…` : flat;
  return `${SECTION_NAMES[section] ?? section} proposal: “${snippet}”`;
}

/**
 * Strategy proposals of the workspace among `ids`, each with its label (proposalLabel): the evidence
 * links of type `proposal`. Missing ids, or another workspace's, are simply absent.
 */
export async function proposalTargets(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: strategyProposals.id, section: strategyProposals.section, text: strategyProposals.text })
    .from(strategyProposals)
    .where(and(eq(strategyProposals.workspaceId, workspaceId), inArray(strategyProposals.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, proposalLabel(r.section, r.text)]));
}
