import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FeedbackSuggestions, InsightFeedbackParams, SimilarFeedbackList, SimilarFeedbackQuery, TextSuggestionsRequest, ThemesRequest, ThemesResult, WorkspaceParams } from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { findFeedbackThemes, getSimilarFeedback, suggestForFeedback, suggestForText } from './insights.service.js';
// Registers the job that computes the hash keys of feedback written before they existed.
import './insights.lsh-backfill.js';

/** Routes of the insights module: duplicate and opportunity suggestions, and themes. */
export async function insightRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Insights'];
  const base = '/api/v1/workspaces/:workspaceId/feedback';

  r.get(`${base}/:feedbackId/similar`, {
    config: { permission: 'feedback.read' },
    schema: {
      summary: 'List feedback similar to an item (likely duplicates), most similar first',
      description: 'Candidates come from the locality-sensitive hash index of the texts (MinHash bands of their stems): near-restatements first, then related items. They are rescored by TF-IDF cosine blended with trigram similarity. Merged items are left out.',
      tags,
      params: InsightFeedbackParams,
      querystring: SimilarFeedbackQuery,
      response: { 200: SimilarFeedbackList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getSimilarFeedback({ db: app.db, actor: workspaceActor(req), feedbackId: req.params.feedbackId, limit: req.query.limit }),
  });
  r.get(`${base}/:feedbackId/suggestions`, {
    config: { permission: 'feedback.read' },
    schema: {
      summary: 'Suggest likely duplicates of an item and the opportunities it probably belongs to',
      tags,
      params: InsightFeedbackParams,
      response: { 200: FeedbackSuggestions, ...WORKSPACE_ERRORS },
    },
    handler: (req) => suggestForFeedback({ db: app.db, actor: workspaceActor(req), feedbackId: req.params.feedbackId }),
  });
  r.post(`${base}/suggestions`, {
    config: { permission: 'feedback.read' },
    schema: {
      summary: 'Suggest likely duplicates and opportunities for feedback text not saved yet',
      description: 'What the add-feedback form shows while the text is typed, so a request already captured is linked instead of entered twice. Same scoring as the suggestions of a saved item; nothing is written.',
      tags,
      params: WorkspaceParams,
      body: TextSuggestionsRequest,
      response: { 200: FeedbackSuggestions, ...WORKSPACE_ERRORS },
    },
    handler: (req) => suggestForText({ db: app.db, actor: workspaceActor(req), input: req.body }),
  });
  r.post(`${base}/themes`, {
    config: { permission: 'feedback.read' },
    schema: {
      summary: 'Cluster feedback into themes: candidate opportunities with a label and representative quotes',
      description: 'Without feedbackIds, clusters the most recent unlinked feedback. Items close to no theme are returned as unclustered.',
      tags,
      params: WorkspaceParams,
      body: ThemesRequest,
      response: { 200: ThemesResult, ...WORKSPACE_ERRORS },
    },
    handler: (req) => findFeedbackThemes({ db: app.db, actor: workspaceActor(req), input: req.body }),
  });
}
