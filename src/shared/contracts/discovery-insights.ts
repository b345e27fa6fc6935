import { z } from 'zod';
import { Id } from './common.js';
import { FEEDBACK_LIMITS } from './discovery-feedback.js';

export const INSIGHT_LIMITS = {
  similarMax: 50,
  /** The most feedback items one theme request clusters. */
  themeItemsMax: 3_000,
} as const;

export const InsightFeedbackParams = z.object({
  workspaceId: Id.describe('Workspace id'),
  feedbackId: Id.describe('Feedback item id'),
});

export const SimilarFeedbackQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(INSIGHT_LIMITS.similarMax, `must be at most ${INSIGHT_LIMITS.similarMax}`)
    .default(10)
    .describe('How many similar items to return'),
});

export const SimilarFeedback = z
  .object({
    id: Id,
    score: z.number().describe('Similarity in [0, 1]: TF-IDF cosine blended with trigram similarity'),
    text: z.string().describe('The feedback text'),
    customer: z.object({ id: Id, name: z.string() }).nullable().describe('The customer, if known'),
  })
  .describe('A feedback item similar to the one asked about');
export type SimilarFeedback = z.infer<typeof SimilarFeedback>;

export const SimilarFeedbackList = z.object({ items: z.array(SimilarFeedback).describe('Most similar first') }).describe('Similar feedback');
export type SimilarFeedbackList = z.infer<typeof SimilarFeedbackList>;

export const SuggestedOpportunity = z
  .object({
    id: Id,
    title: z.string(),
    score: z.number().describe("Similarity in [0, 1] to the opportunity's title, problem and linked feedback"),
  })
  .describe('An opportunity this feedback probably belongs to');

export const FeedbackSuggestions = z
  .object({
    duplicates: z.array(SimilarFeedback).describe('Likely duplicates (at most 5, above the duplicate threshold), most similar first'),
    opportunities: z.array(SuggestedOpportunity).describe('Opportunities the item probably belongs to (at most 5), best first'),
  })
  .describe('Suggestions for one feedback item');
export type FeedbackSuggestions = z.infer<typeof FeedbackSuggestions>;

export const TextSuggestionsRequest = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(FEEDBACK_LIMITS.textMax, `must be at most ${FEEDBACK_LIMITS.textMax} characters`)
      .describe('Feedback text not saved yet, e.g. while it is being typed'),
  })
  .describe('Text to find likely duplicates and opportunities for');
export type TextSuggestionsRequest = z.infer<typeof TextSuggestionsRequest>;

export const ThemesRequest = z
  .object({
    feedbackIds: z
      .array(Id)
      .min(1, 'must not be empty')
      .max(INSIGHT_LIMITS.themeItemsMax, `must have at most ${INSIGHT_LIMITS.themeItemsMax} ids`)
      .optional()
      .describe(`Feedback to cluster; without it, the ${INSIGHT_LIMITS.themeItemsMax} most recent unlinked items (new or triaged, not merged, not evidence)`),
  })
  .describe('What to cluster into themes');
export type ThemesRequest = z.infer<typeof ThemesRequest>;

export const FeedbackTheme = z
  .object({
    label: z.string().describe('The 2–3 most distinctive words of the theme'),
    feedbackIds: z.array(Id).describe('The feedback items in the theme'),
    quotes: z.array(z.string()).describe('2–3 representative texts, the closest to the theme centre first'),
  })
  .describe('A candidate opportunity: feedback that says the same kind of thing');

export const ThemesResult = z
  .object({
    themes: z.array(FeedbackTheme).describe('Largest first'),
    unclustered: z.array(Id).describe('Items close to no theme; not a theme themselves'),
  })
  .describe('Themes found in feedback');
export type ThemesResult = z.infer<typeof ThemesResult>;
