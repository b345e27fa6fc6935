import {
  STRATEGY_SECTIONS,
  STRATEGY_STORIES,
  type ProposalComment,
  type StrategyPillar,
  type StrategyProposal,
  type StrategySectionKey,
  type StrategySectionsText,
  type StrategyStoriesText,
  type StrategyVersion,
  type StrategyVersionSummary,
} from '../../../shared/contracts.js';
import type { StrategySections, StrategyStories } from '../../db/schema/strategy.js';
import { diffText } from './strategy.diff.js';
import type { CommentFull, ProposalFull, VersionFull } from './strategy.repository.js';

/** Every section, unwritten ones as empty strings. */
export function presentSections(s: StrategySections | null | undefined): StrategySectionsText {
  return Object.fromEntries(STRATEGY_SECTIONS.map((k) => [k, s?.[k] ?? ''])) as StrategySectionsText;
}

/** Every story, unwritten ones as empty strings. */
export function presentStories(s: StrategyStories | null | undefined): StrategyStoriesText {
  return Object.fromEntries(STRATEGY_STORIES.map((k) => [k, s?.[k] ?? ''])) as StrategyStoriesText;
}

export function presentPillar(p: { id: string; name: string; description: string; targetShare: number | string; status: string }): StrategyPillar {
  return { id: p.id, name: p.name, description: p.description, targetShare: Number(p.targetShare), status: p.status };
}

export function presentVersionSummary(v: VersionFull): StrategyVersionSummary {
  return { id: v.id, number: v.number, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy, note: v.note };
}

export function presentVersion(v: VersionFull): StrategyVersion {
  return { ...presentVersionSummary(v), sections: presentSections(v.sections), stories: presentStories(v.stories), pillars: (v.pillars ?? []).map(presentPillar) };
}

/** A proposal, with its diff and whether the draft's section moved on since it was made. */
export function presentProposal(p: ProposalFull, productId: string, draft: StrategySections): StrategyProposal {
  const section = p.section as StrategySectionKey;
  return {
    id: p.id,
    productId,
    section,
    text: p.text,
    rationale: p.rationale,
    baseText: p.baseText,
    stale: p.status === 'pending' && (draft[section] ?? '') !== p.baseText,
    diff: diffText(p.baseText, p.text),
    status: p.status as StrategyProposal['status'],
    author: p.author,
    decidedBy: p.decidedBy,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionComment: p.decisionComment,
    commentCount: p.commentCount,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentComment(c: CommentFull): ProposalComment {
  return { id: c.id, proposalId: c.proposalId, author: c.author, body: c.body, createdAt: c.createdAt.toISOString() };
}

/** Human names of the sections, for audit summaries and notifications. */
export const SECTION_LABELS: Record<StrategySectionKey, string> = {
  vision: 'Vision',
  customers: 'Target customers',
  problems: 'Problems we solve',
  nonProblems: 'Problems we will not solve',
  principles: 'Principles',
};
