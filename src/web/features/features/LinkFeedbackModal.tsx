import { Blockquote, Button, Group, Modal, Paper, ScrollArea, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { api, wsPath } from '../../lib/api/client';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { IMPORTANCE_LABELS, SOURCE_LABELS } from '../discovery/labels';
import { Snippet } from '../discovery/Snippet';
import type { FeedbackItem, FeedbackPage } from '../discovery/types';
import { useLinkFeatureEvidence } from './use-features';

const importanceOptions = Object.entries(IMPORTANCE_LABELS).map(([value, label]) => ({ value, label }));

/** The character range selected inside `el`, when the selection lies within its one text node. */
function selectionIn(el: HTMLElement | null): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  const node = el.firstChild;
  if (!node || r.startContainer !== node || r.endContainer !== node) return null;
  return r.startOffset < r.endOffset ? { start: r.startOffset, end: r.endOffset } : null;
}

/**
 * Finds a feedback item by its words and links it as evidence, optionally quoting the part of its
 * text that matters (select it with the mouse or the keyboard) and with an importance.
 */
export function LinkFeedbackModal(props: Props) {
  // The body mounts on each opening, so the search and the choice start afresh.
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Link feedback as evidence" size="lg">
      <LinkFeedbackForm {...props} />
    </Modal>
  );
}

interface Props {
  workspaceId: string;
  featureId: string;
  linkedIds: ReadonlySet<string>;
  opened: boolean;
  onClose: () => void;
}

function LinkFeedbackForm({ workspaceId, featureId, linkedIds, onClose }: Props) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [chosen, setChosen] = useState<FeedbackItem | null>(null);
  const [quote, setQuote] = useState<{ start: number; end: number } | null>(null);
  const [importance, setImportance] = useState<string | null>(null);
  const textRef = useRef<HTMLParagraphElement>(null);
  const link = useLinkFeatureEvidence(workspaceId, featureId);
  const results = useQuery({
    queryKey: ['feedback', workspaceId, 'link-search', debounced],
    queryFn: ({ signal }) => api<FeedbackPage>(wsPath(workspaceId, `/feedback?limit=20${debounced ? `&q=${encodeURIComponent(debounced)}` : ''}`), { signal }),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    const onChange = () => {
      const range = selectionIn(textRef.current);
      if (range) setQuote(range);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const choose = (f: FeedbackItem) => {
    setChosen(f);
    setQuote(null);
    setImportance(String(f.importance));
  };

  const submit = () => {
    if (!chosen) return;
    link.mutate(
      { feedbackId: chosen.id, ...(quote ? { quote } : {}), ...(importance ? { importance: Number(importance) } : {}) },
      {
        onSuccess: () => {
          notifySuccess('Feedback linked as evidence.');
          onClose();
        },
        onError: (e) => notifyError(e, 'Could not link the feedback'),
      },
    );
  };

  return (
    <Stack>
      <TextInput label="Search feedback" placeholder="Words the customer used" leftSection={<IconSearch size={16} aria-hidden />} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-autofocus />
      {results.isPending ? (
        <LoadingRows rows={3} height={56} />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No feedback matches “{debounced}”.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={260} type="auto">
          <Stack gap={6} component="ul" aria-label="Matching feedback" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {results.data.items.map((f) => {
              const linked = linkedIds.has(f.id);
              const active = chosen?.id === f.id;
              return (
                <li key={f.id}>
                  <UnstyledButton
                    w="100%"
                    onClick={() => choose(f)}
                    disabled={linked}
                    aria-pressed={active}
                    p="xs"
                    style={{
                      borderRadius: 'var(--mantine-radius-sm)',
                      border: `1px solid ${active ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)'}`,
                      background: active ? 'var(--mantine-primary-color-light)' : undefined,
                      opacity: linked ? 0.6 : 1,
                    }}
                  >
                    <Text size="sm" lineClamp={2}>
                      {f.snippet ? <Snippet html={f.snippet} /> : f.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {f.customer?.name ?? 'No customer'} · {SOURCE_LABELS[f.source] ?? f.source} · {formatDate(f.capturedAt)}
                      {linked ? ' · already linked' : ''}
                    </Text>
                  </UnstyledButton>
                </li>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {chosen ? (
        <Paper withBorder radius="md" p="sm">
          <Text size="xs" c="dimmed" mb={4} id="quote-hint">
            Select the words that matter to quote them (optional).
          </Text>
          <Text ref={textRef} size="sm" style={{ whiteSpace: 'pre-wrap' }} aria-describedby="quote-hint">
            {chosen.text}
          </Text>
          {quote ? (
            <Group gap="xs" mt="xs" wrap="nowrap" align="flex-start">
              <Blockquote p="xs" style={{ flex: 1 }} aria-label="Quote">
                {chosen.text.slice(quote.start, quote.end)}
              </Blockquote>
              <Button size="xs" variant="subtle" onClick={() => setQuote(null)}>
                No quote
              </Button>
            </Group>
          ) : null}
          <Select label="Importance" data={importanceOptions} value={importance} onChange={setImportance} allowDeselect={false} mt="sm" w={200} />
        </Paper>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} disabled={!chosen} loading={link.isPending}>
          Link feedback
        </Button>
      </Group>
    </Stack>
  );
}
