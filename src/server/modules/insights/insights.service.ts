import type { FeedbackSuggestions, SimilarFeedback, SimilarFeedbackList, ThemesRequest, ThemesResult } from '../../../shared/contracts.js';
import { INSIGHT_LIMITS } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { workspaceDocumentFrequency } from './insights.idf-cache.js';
import { feedbackTextsByIds, findFeedbackText, opportunityTexts, similarCandidates, unlinkedFeedback } from './insights.repository.js';
import { analyse, DUPLICATE_THRESHOLD, similarityScore } from './text/similarity.js';
import { centroid, cosine, Vectorizer, type DocumentFrequency } from './text/tfidf.js';
import { findThemes, themeOptionsFor } from './text/themes.js';
import { tokenize } from './text/tokenize.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** Candidates per source (trigram, full text) before rescoring. */
const CANDIDATES_PER_SOURCE = 100;
/** Words of the item searched with full text: its most distinctive ones. */
const QUERY_TERMS = 8;
const OPPORTUNITY_MIN_SCORE = 0.15;
const SUGGESTIONS = 5;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The item's most distinctive words (by TF-IDF), as written, for a full-text query. */
function distinctiveWords(text: string, df: DocumentFrequency): string[] {
  const byStem = new Map<string, { surface: string; weight: number }>();
  for (const t of tokenize(text)) {
    const hit = byStem.get(t.stem);
    if (hit) hit.weight += df.idf(t.stem);
    else byStem.set(t.stem, { surface: t.surface, weight: df.idf(t.stem) });
  }
  return [...byStem.values()]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, QUERY_TERMS)
    .map((x) => x.surface)
    .filter((w) => /^[a-z0-9]+$/.test(w));
}

async function rankSimilar(db: Db, workspaceId: string, item: { id: string; text: string }, limit: number) {
  const df = await workspaceDocumentFrequency(db, workspaceId);
  const candidates = await similarCandidates(db, { workspaceId, feedbackId: item.id, text: item.text, terms: distinctiveWords(item.text, df), perSource: CANDIDATES_PER_SOURCE });
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

/** Likely duplicates of an item and the opportunities it probably belongs to. */
export async function suggestForFeedback({ db, actor, feedbackId }: Ctx & { feedbackId: string }): Promise<FeedbackSuggestions> {
  authorize(actor, 'feedback.read');
  const item = await findFeedbackText(db, actor.workspaceId, feedbackId);
  if (!item) throw notFound('Feedback');
  const [{ ranked, vectorizer, query }, opportunities] = await Promise.all([
    rankSimilar(db, actor.workspaceId, item, SUGGESTIONS),
    opportunityTexts(db, actor.workspaceId, 500, 20),
  ]);
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
