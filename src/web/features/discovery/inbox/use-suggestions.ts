import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FEEDBACK_LIMITS } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';
import type { Suggestions } from '../types';
import { feedbackKey } from './use-feedback';

/** Shorter drafts match too loosely to be worth a request (and a distracting panel). */
export const SUGGEST_MIN_CHARS = 20;
/** Wait for a pause in typing, so a sentence costs one request, not one per key. */
export const SUGGEST_DEBOUNCE_MS = 400;

/**
 * Likely duplicates and opportunities for a draft feedback text, asked for as the user types.
 * Keyed by workspace and the debounced text; while a newer text is on its way the previous answer
 * stays shown, so the panel does not flicker or jump. `active` says whether the draft is long enough
 * to ask at all: below the minimum the caller hides the panel (the kept answer would be stale).
 */
export function useDraftSuggestions(workspaceId: string, text: string, enabled = true) {
  // A paste past the limit still gets suggestions: the beginning says what the item is about.
  const trimmed = text.trim().slice(0, FEEDBACK_LIMITS.textMax);
  const [debounced] = useDebouncedValue(trimmed, SUGGEST_DEBOUNCE_MS);
  const active = enabled && trimmed.length >= SUGGEST_MIN_CHARS;
  const query = useQuery({
    // Under the feedback key: adding feedback invalidates it, so the next draft sees the new item.
    queryKey: [...feedbackKey(workspaceId), 'draft-suggestions', debounced],
    queryFn: ({ signal }) => api<Suggestions>(wsPath(workspaceId, '/feedback/suggestions'), { method: 'POST', body: { text: debounced }, signal }),
    enabled: active && debounced.length >= SUGGEST_MIN_CHARS,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    // A hint, not the task at hand: one quiet failure is enough, the next keystroke asks again.
    retry: false,
  });
  return {
    active,
    data: active ? query.data : undefined,
    // Typing (not yet debounced) counts as loading, so the spinner shows as soon as the text changes.
    loading: active && (query.isFetching || debounced !== trimmed),
    isError: active && query.isError && !query.isFetching,
  };
}
