import type { FeedbackSuggestions, SimilarFeedback, SimilarFeedbackList, TextSuggestionsRequest, ThemesRequest, ThemesResult } from '../../../shared/contracts.js';
import { INSIGHT_LIMITS } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { workspaceDocumentFrequency } from './insights.idf-cache.js';
import { feedbackTextsByIds, findFeedbackText, opportunityTexts, similarCandidates, unlinkedFeedback } from './insights.repository.js';
import { analyse, DUPLICATE_THRESHOLD, similarityScore } from './text/similarity.js';
import { centroid, cosine, Vectorizer } from './text/tfidf.js';
import { findThemes, themeOptionsFor } from './text/themes.js';
import { lshKeys } from './text/lsh.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** Candidates read per hash tier, and how many of them (sharing the most keys) are scored exactly. */
const CANDIDATES_PER_TIER = 200;
const CANDIDATES_SCORED = 100;
const OPPORTUNITY_MIN_SCORE = 0.15;
const SUGGESTIONS = 5;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Feedback most similar to a text, scored exactly: TF-IDF cosine blended with pg_trgm's trigram similarity. */
async function rankSimilar(db: Db, workspaceId: string, item: { id: string | null; text: string }, limit: number) {
  const [df, candidates] = await Promise.all([
    workspaceDocumentFrequency(db, workspaceId),
    similarCandidates(db, {
      workspaceId,
      excludeId: item.id,
      text: item.text,
      keys: lshKeys(item.text, workspaceId),
      perTier: CANDIDATES_PER_TIER,
      limit: CANDIDATES_SCORED,
    }),
  ]);
  const vectorizer = new Vectorizer(df);
  const query = analyse(item.text, vectorizer);
  const ranked: SimilarFeedback[] = candidates
    .map((c) => ({
      id: c.id,
      // Trigram similarity as PostgreSQL computed it; the bench replicates it in TypeScript.
      score: round(similarityScore(query, { vector: vectorizer.vectorize(c.text), trigrams: new Set() }, c.trigram)),
      text: c.text,
      customer: c.customerId ? { id: c.customerId, name: c.customerName ?? '' } : null,
    }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
  return { ranked, vectorizer, query };
}

/** Feedback most similar to one item, most similar first; merged items and the item itself are left out. */
export async function getSimilarFeedback({ db, actor, feedbackId, limit }: Ctx & { feedbackId: string; limit: number }): Promise<SimilarFeedbackList> {
  authorize(actor, 'feedback.read');
  const item = await findFeedbackText(db, actor.workspaceId, feedbackId);
  if (!item) throw notFound('Feedback');
  const { ranked } = await rankSimilar(db, actor.workspaceId, item, limit);
  return { items: ranked };
}

/** Likely duplicates of a text and the opportunities it probably belongs to; `id` is left out of the duplicates. */
async function suggest(db: Db, workspaceId: string, item: { id: string | null; text: string }): Promise<FeedbackSuggestions> {
  const [{ ranked, vectorizer, query }, opportunities] = await Promise.all([rankSimilar(db, workspaceId, item, SUGGESTIONS), opportunityTexts(db, workspaceId, 500, 20)]);
  const scored = opportunities
    .map((o) => {
      const own = cosine(query.vector, vectorizer.vectorize(`${o.title}. ${o.problem}`));
      // The linked feedback says how customers phrase the problem, which a title rarely does.
      const linked = o.linkedTexts.length ? cosine(query.vector, centroid(o.linkedTexts.map((t) => vectorizer.vectorize(t)))) : 0;
      return { id: o.id, title: o.title, score: round(Math.max(own, linked)) };
    })
    .filter((o) => o.score >= OPPORTUNITY_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, SUGGESTIONS);
  return { duplicates: ranked.filter((r) => r.score >= DUPLICATE_THRESHOLD), opportunities: scored };
}

/** Likely duplicates of an item and the opportunities it probably belongs to. */
export async function suggestForFeedback({ db, actor, feedbackId }: Ctx & { feedbackId: string }): Promise<FeedbackSuggestions> {
  authorize(actor, 'feedback.read');
  const item = await findFeedbackText(db, actor.workspaceId, feedbackId);
  if (!item) throw notFound('Feedback');
  return suggest(db, actor.workspaceId, item);
}

/** Likely duplicates and opportunities for a text not saved yet: what the add-feedback form shows while it is typed. */
export async function suggestForText({ db, actor, input }: Ctx & { input: TextSuggestionsRequest }): Promise<FeedbackSuggestions> {
  authorize(actor, 'feedback.read');
  return suggest(db, actor.workspaceId, { id: null, text: input.text });
}

/** Clusters feedback (given, or the most recent unlinked) into labelled themes with representative quotes. */
export async function findFeedbackThemes({ db, actor, input }: Ctx & { input: ThemesRequest }): Promise<ThemesResult> {
  authorize(actor, 'feedback.read');
  let docs;
  if (input.feedbackIds) {
    const ids = [...new Set(input.feedbackIds)];
    docs = await feedbackTextsByIds(db, actor.workspaceId, ids);
    if (docs.length !== ids.length) throw notFound('Feedback');
    const order = new Map(ids.map((id, i) => [id, i]));
    docs.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  } else {
    docs = await unlinkedFeedback(db, actor.workspaceId, INSIGHT_LIMITS.themeItemsMax);
  }
  const { themes, unclustered } = findThemes(docs, themeOptionsFor(docs.length));
  return { themes: themes.map((t) => ({ label: t.label, feedbackIds: t.ids, quotes: t.quotes })), unclustered };
}
