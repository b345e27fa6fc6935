import { Box, Button, Group, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconFileImport, IconInbox, IconLock, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { wsPath } from '../../../lib/api/client';
import { CsvImportModal } from '../CsvImportModal';
import { useComponentOptions } from '../use-components';
import { AddFeedbackModal } from './AddFeedbackModal';
import { BulkBar } from './BulkBar';
import { FeedbackDetail } from './FeedbackDetail';
import { FeedbackFilterBar } from './FeedbackFilterBar';
import { FeedbackList } from './FeedbackList';
import { LinkOpportunityModal } from './LinkOpportunityModal';
import { ShortcutsHelp, availableShortcuts } from './ShortcutsHelp';
import { TagModal } from './TagModal';
import { feedbackKey, useBulkFeedback, useFeedbackItem, useFeedbackPages, useFeedbackSuggestions, type BulkAction, type FeedbackFilters } from './use-feedback';

type Dialog = null | 'add' | 'import' | 'link' | { tag: string[] };

/** One inbox for all customer feedback: filter, search, triage by keyboard, link as evidence. */
export function FeedbackInboxPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const canRead = can('feedback.read');
  const [filters, setFilters] = useState<FeedbackFilters>({});
  const pages = useFeedbackPages(workspaceId, filters, canRead);
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [scrollIndex, setScrollIndex] = useState(-1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // The row last toggled, where a shift-click range starts.
  const [anchor, setAnchor] = useState<string | null>(null);
  const [quote, setQuote] = useState<{ start: number; end: number } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [help, setHelp] = useState(false);
  const bulk = useBulkFeedback(workspaceId);
  const components = useComponentOptions(workspaceId);
  const suggestions = useFeedbackSuggestions(workspaceId, dialog === 'link' ? activeId : null);
  const active = useFeedbackItem(workspaceId, activeId).data ?? null;
  // Whether the member triages at all (a PM does, on some items): decides the checkboxes and the bulk bar.
  const canTriage = can('feedback.update', { ownerIds: [] });
  // Whether they may triage the item being read: a PM only when it is tied to no component or to one they own.
  const canTriageActive = active !== null && active.id === activeId && can('feedback.update', { ownerIds: active.components.map((c) => c.ownerId) });

  const open = useCallback((id: string) => {
    setActiveId(id);
    setQuote(null);
  }, []);
  const toggle = useCallback(
    (id: string, range = false) => {
      const from = anchor === null ? -1 : items.findIndex((i) => i.id === anchor);
      const to = items.findIndex((i) => i.id === id);
      setAnchor(id);
      setSelected((prev) => {
        const next = new Set(prev);
        if (range && from !== -1 && to !== -1) {
          // Shift-click selects every row between the last one toggled and this one.
          for (const item of items.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(item.id);
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    [items, anchor],
  );
  const clearSelection = useCallback(() => {
    setSelected(new Set());
    setAnchor(null);
  }, []);
  // A new search or filter starts a new selection: a bulk action must not reach rows no longer shown.
  const changeFilters = (next: FeedbackFilters) => {
    setFilters(next);
    clearSelection();
  };
  const loadMore = useCallback(() => void pages.fetchNextPage(), [pages]);

  const move = (delta: number) => {
    if (items.length === 0) return;
    const index = items.findIndex((i) => i.id === activeId);
    const next = Math.min(items.length - 1, Math.max(0, index === -1 ? 0 : index + delta));
    const target = items[next];
    if (target) {
      open(target.id);
      setScrollIndex(next);
    }
  };

  const runBulk = (ids: string[], action: BulkAction, tag?: string, done?: () => void) =>
    bulk.mutate(
      { ids, action, ...(tag ? { tag } : {}) },
      {
        onSuccess: ({ updated = ids.length }) => {
          const what = action === 'archive' ? 'archived' : action === 'triage' ? 'marked triaged' : action === 'tag' ? `tagged “${tag}”` : `untagged “${tag}”`;
          // The server skips items already in that state: say so rather than claim it changed them.
          const unchanged = ids.length - updated;
          notifySuccess(`${plural(updated, 'item')} ${what}.${unchanged > 0 ? ` ${plural(unchanged, 'item')} already ${unchanged === 1 ? 'was' : 'were'}.` : ''}`);
          done?.();
        },
        onError: (e) => notifyError(e),
      },
    );

  const archiveActive = () => {
    if (!activeId) return;
    const index = items.findIndex((i) => i.id === activeId);
    runBulk([activeId], 'archive', undefined, () => {
      const next = items[index + 1] ?? items[index - 1];
      if (next && filters.status !== 'archived') open(next.id);
    });
  };

  const modalOpen = dialog !== null;
  // No shortcut while a modal is up: ours (the dialog state) or a confirmation (merge, delete) opened
  // through @mantine/modals, which this page does not track — `e` must not archive behind "Merge?".
  const guard = (fn: () => void) => () => {
    if (!modalOpen && !document.querySelector('[role="dialog"][aria-modal="true"]')) fn();
  };
  const tagTargets = selected.size ? [...selected] : activeId && canTriageActive ? [activeId] : [];
  useHotkeys([
    ['j', guard(() => move(1))],
    ['k', guard(() => move(-1))],
    ['x', guard(() => canTriage && activeId && toggle(activeId))],
    ['e', guard(() => canTriageActive && active?.status !== 'archived' && archiveActive())],
    ['t', guard(() => canTriage && tagTargets.length > 0 && setDialog({ tag: tagTargets }))],
    ['l', guard(() => can('evidence.link') && activeId && active && setDialog('link'))],
    ['/', guard(() => document.querySelector<HTMLInputElement>('[data-inbox-search]')?.focus())],
    ['shift+?', guard(() => setHelp((h) => !h))],
  ]);

  const shortcuts = availableShortcuts({ triage: canTriage, link: can('evidence.link') });
  const actions = (
    <>
      <ShortcutsHelp opened={help} onChange={setHelp} shortcuts={shortcuts} />
      {can('feedback.import') ? (
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setDialog('import')}>
          Import CSV
        </Button>
      ) : null}
      {can('feedback.create') ? (
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('add')}>
          Add feedback
        </Button>
      ) : null}
    </>
  );

  if (!canRead) {
    return (
      <>
        <PageHeader title="Feedback" description="Everything customers told us, from every source." />
        <EmptyState
          icon={<IconLock size={24} aria-hidden />}
          title="Your role does not read raw feedback"
          description="Customer feedback is internal. Opportunities and experiments show what it adds up to; ask an admin for another role if you need the feedback itself."
        />
      </>
    );
  }

  const listHeight = 'max(420px, calc(100dvh - 290px))';
  const filtered = Object.values(filters).some((v) => typeof v === 'string' && v !== '');

  return (
    <>
      <PageHeader title="Feedback" description="Everything customers told us, from every source. Triage it and link it to opportunities as evidence." actions={actions} />
      <FeedbackFilterBar filters={filters} onChange={changeFilters} components={components.flat} />
      {pages.isPending ? (
        <LoadingRows rows={6} height={72} />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconInbox size={24} aria-hidden />}
          title={filtered ? 'No feedback matches' : 'The inbox is empty'}
          description={filtered ? 'Try fewer filters or other search words.' : 'Add feedback by hand, import a CSV file, or post it from an integration with an API token.'}
          action={
            !filtered && can('feedback.create') ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('add')}>
                Add feedback
              </Button>
            ) : null
          }
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Box>
            <Group justify="space-between" mb={6}>
              <Text size="xs" c="dimmed" aria-live="polite">
                {pages.hasNextPage ? `${items.length}+ items` : plural(items.length, 'item')}
                {pages.isFetching && !pages.isFetchingNextPage ? ' · updating…' : ''}
              </Text>
              <Tooltip label={canTriage ? 'j / k to move, x to select, ? for all shortcuts' : 'j / k to move, ? for all shortcuts'}>
                <Text size="xs" c="dimmed" tabIndex={0}>
                  Keyboard: {shortcuts.map(([key]) => key).filter((key) => /^[a-z]$/.test(key)).join(' ')}
                </Text>
              </Tooltip>
            </Group>
            <FeedbackList
              items={items}
              activeId={activeId}
              selected={selected}
              onOpen={open}
              onToggle={toggle}
              selectable={canTriage}
              hasMore={Boolean(pages.hasNextPage)}
              loadingMore={pages.isFetchingNextPage}
              onLoadMore={loadMore}
              scrollToIndex={scrollIndex}
              height={listHeight}
            />
          </Box>
          <Paper withBorder radius="md" p="md" h={`calc(${listHeight} + 24px)`} component="section" aria-label="Feedback detail">
            {activeId ? (
              <FeedbackDetail
                feedbackId={activeId}
                quote={quote}
                onQuoteChange={setQuote}
                onLink={() => setDialog('link')}
                onArchive={archiveActive}
                onTag={() => setDialog({ tag: [activeId] })}
                onOpen={open}
                onDeleted={() => setActiveId(null)}
              />
            ) : (
              <Text c="dimmed" size="sm" ta="center" mt="xl">
                Select feedback to read it, or press j to start triage.
              </Text>
            )}
          </Paper>
        </SimpleGrid>
      )}

      <BulkBar
        count={canTriage ? selected.size : 0}
        pending={bulk.isPending}
        onArchive={() => runBulk([...selected], 'archive', undefined, clearSelection)}
        onTriage={() => runBulk([...selected], 'triage', undefined, clearSelection)}
        onTag={() => setDialog({ tag: [...selected] })}
        onClear={clearSelection}
      />
      <AddFeedbackModal
        workspaceId={workspaceId}
        opened={dialog === 'add'}
        onClose={() => setDialog(null)}
        onCreated={(f) => open(f.id)}
        onOpenExisting={(id) => {
          setDialog(null);
          open(id);
        }}
      />
      <CsvImportModal
        opened={dialog === 'import'}
        onClose={() => setDialog(null)}
        title="Import feedback from CSV"
        path={wsPath(workspaceId, '/feedback/import')}
        invalidate={[feedbackKey(workspaceId), ['customers', workspaceId]]}
        help={
          <>
            Columns: <b>text</b>, <b>source</b>, and optionally <b>customer</b> (name, domain or external id), <b>captured_at</b> and <b>tags</b> (separated by
            “;”). Rows already imported are skipped, so re-running a file is safe.
          </>
        }
      />
      <LinkOpportunityModal
        workspaceId={workspaceId}
        feedback={active}
        quote={quote}
        opened={dialog === 'link'}
        onClose={() => setDialog(null)}
        suggested={suggestions.data?.opportunities ?? []}
      />
      <TagModal
        opened={typeof dialog === 'object' && dialog !== null}
        count={typeof dialog === 'object' && dialog ? dialog.tag.length : 0}
        pending={bulk.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(tag, mode) => {
          if (typeof dialog === 'object' && dialog) runBulk(dialog.tag, mode, tag, () => setDialog(null));
        }}
      />
    </>
  );
}
