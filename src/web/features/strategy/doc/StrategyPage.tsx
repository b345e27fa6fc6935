import { Alert, Badge, Button, Group, Modal, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { IconCompass, IconGitCompare, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { PUBLISH_NOTE_MAX, STRATEGY_SECTIONS, STRATEGY_STORIES, type StrategyDoc } from '../../../../shared/contracts.js';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { ProductPicker, usePlanningProduct } from '../../releases/ProductPicker';
import { DocumentTab } from './DocumentTab';
import { HistoryTab, type DiffPair } from './HistoryTab';
import { ProposalsTab } from './ProposalsTab';
import { StorytellingTab } from './StorytellingTab';
import { usePublishStrategy, useStrategy } from './use-strategy';

type Tab = 'document' | 'storytelling' | 'proposals' | 'history';

const hasText = (doc: StrategyDoc) =>
  !!doc.sections && (STRATEGY_SECTIONS.some((k) => doc.sections![k].trim()) || STRATEGY_STORIES.some((k) => doc.stories![k].trim()));

/**
 * The product's strategy: the document in sections, the vision at three lengths, the PMs' proposals
 * and the published history with diffs. Leads write and publish; PMs propose; viewers read what is published.
 */
export function StrategyPage() {
  const { workspaceId, memberId, can } = useCurrentWorkspace();
  const search = useSearch({ strict: false }) as { productId?: string; tab?: Tab };
  const navigate = useNavigate();
  const planning = usePlanningProduct(workspaceId);
  const items = planning.products.data?.items ?? [];
  const productId = search.productId && items.some((p) => p.id === search.productId) ? search.productId : planning.productId;
  const strategy = useStrategy(workspaceId, productId);
  // The tab lives in the URL (?tab=), so a notification can open the proposals or the history.
  const tab: Tab = search.tab ?? 'document';
  const setTab = (next: Tab) =>
    void navigate({ to: '/w/$workspaceId/strategy', params: { workspaceId }, search: { ...(search.productId ? { productId: search.productId } : {}), ...(next === 'document' ? {} : { tab: next }) }, replace: true });
  const [pair, setPair] = useState<DiffPair>({ a: null, b: null });
  const [publishing, setPublishing] = useState(false);
  const [started, setStarted] = useState(false);

  const pickProduct = (id: string) => {
    planning.setProductId(id);
    setPair({ a: null, b: null });
    setStarted(false);
    void navigate({ to: '/w/$workspaceId/strategy', params: { workspaceId }, search: { productId: id } });
  };
  const doc = strategy.data;
  const canWrite = can('strategy.write');
  const canPropose = can('strategy.propose');

  return (
    <>
      <PageHeader
        title={doc ? `Strategy: ${doc.productName}` : 'Strategy'}
        description="One strategy for the product, written with the PMs and kept in published versions."
        above={doc ? <StatusLine doc={doc} /> : undefined}
        actions={
          <Group gap="xs" align="flex-end" wrap="nowrap">
            {items.length > 1 ? <ProductPicker products={items} value={productId} onChange={pickProduct} /> : null}
            {doc && can('strategy.publish') && doc.sections ? (
              <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setPublishing(true)} disabled={!hasText(doc)}>
                Publish
              </Button>
            ) : null}
          </Group>
        }
      />
      {planning.products.isPending || (productId && strategy.isPending) ? (
        <LoadingRows rows={5} height={90} />
      ) : planning.products.isError ? (
        <ErrorState error={planning.products.error} onRetry={() => void planning.products.refetch()} />
      ) : !productId ? (
        <EmptyState icon={<IconCompass size={24} aria-hidden />} title="No products yet" description="A strategy belongs to a product. Leads add products in the settings." />
      ) : strategy.isError ? (
        <ErrorState error={strategy.error} onRetry={() => void strategy.refetch()} />
      ) : doc ? (
        !started && !hasText(doc) && doc.publishedNumber === 0 ? (
          <NoStrategyYet canWrite={canWrite} onStart={() => setStarted(true)} />
        ) : (
          <Stack gap="md">
            <LatestVersion
              doc={doc}
              onShowChanges={() => {
                setPair({ a: String(doc.publishedNumber - 1), b: String(doc.publishedNumber) });
                setTab('history');
              }}
            />
            <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="document">Document</Tabs.Tab>
                <Tabs.Tab value="storytelling">Storytelling</Tabs.Tab>
                {canPropose ? (
                  <Tabs.Tab
                    value="proposals"
                    rightSection={
                      doc.pendingProposals ? (
                        <Badge size="xs" circle aria-label={`${doc.pendingProposals} pending`}>
                          {doc.pendingProposals}
                        </Badge>
                      ) : null
                    }
                  >
                    Proposals
                  </Tabs.Tab>
                ) : null}
                <Tabs.Tab value="history">History</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="document">
                <DocumentTab workspaceId={workspaceId} doc={doc} canWrite={canWrite} canPropose={canPropose} onReload={() => void strategy.refetch()} />
              </Tabs.Panel>
              <Tabs.Panel value="storytelling">
                <StorytellingTab workspaceId={workspaceId} doc={doc} canWrite={canWrite} onReload={() => void strategy.refetch()} />
              </Tabs.Panel>
              {canPropose ? (
                <Tabs.Panel value="proposals">
                  <ProposalsTab workspaceId={workspaceId} productId={doc.productId} memberId={memberId} canDecide={can('strategy.decide')} />
                </Tabs.Panel>
              ) : null}
              <Tabs.Panel value="history">
                <HistoryTab workspaceId={workspaceId} productId={doc.productId} seesDraft={!!doc.sections} pair={pair} onPair={setPair} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )
      ) : null}
      {doc && publishing ? <PublishModal workspaceId={workspaceId} doc={doc} onClose={() => setPublishing(false)} /> : null}
    </>
  );
}

function StatusLine({ doc }: { doc: StrategyDoc }) {
  return (
    <Group gap="xs" data-testid="strategy-status">
      {doc.publishedNumber ? (
        <Badge variant="light" color="teal">
          Published v{doc.publishedNumber}
        </Badge>
      ) : (
        <Badge variant="light" color="gray">
          Not published yet
        </Badge>
      )}
      {doc.dirty ? (
        <Badge variant="light" color="orange">
          Draft has unpublished changes
        </Badge>
      ) : null}
      {doc.updatedBy && doc.updatedAt ? (
        <Text size="xs" c="dimmed">
          {doc.sections ? 'Draft edited' : 'Published'} by {doc.updatedBy.name} <span title={formatDateTime(doc.updatedAt)}>{formatRelative(doc.updatedAt)}</span>
        </Text>
      ) : null}
    </Group>
  );
}

/** The latest published version in one line, with its diff against the previous one a click away. */
function LatestVersion({ doc, onShowChanges }: { doc: StrategyDoc; onShowChanges: () => void }) {
  const v = doc.published;
  if (!v) return null;
  return (
    <Alert variant="light" color="blue" icon={<IconGitCompare size={18} aria-hidden />} title={`Version ${v.number} published ${formatRelative(v.publishedAt)}${v.publishedBy ? ` by ${v.publishedBy.name}` : ''}`}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{v.note || (v.number === 1 ? 'The first published version.' : 'No note.')}</Text>
        {v.number > 1 ? (
          <Button size="xs" variant="light" onClick={onShowChanges}>
            What changed in v{v.number}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}

function NoStrategyYet({ canWrite, onStart }: { canWrite: boolean; onStart: () => void }) {
  return canWrite ? (
    <EmptyState
      icon={<IconCompass size={24} aria-hidden />}
      title="No strategy yet"
      description="Start with the vision, then the customers, the problems you solve and the ones you will not, and your principles. PMs can propose changes once it exists; publishing tells them."
      action={<Button onClick={onStart}>Start writing</Button>}
    />
  ) : (
    <EmptyState
      icon={<IconCompass size={24} aria-hidden />}
      title="No strategy yet"
      description="The product lead has not written this product’s strategy yet. You will be notified in the app when it is published."
    />
  );
}

function PublishModal({ workspaceId, doc, onClose }: { workspaceId: string; doc: StrategyDoc; onClose: () => void }) {
  const [note, setNote] = useState('');
  const publish = usePublishStrategy(workspaceId, doc.productId);
  const next = doc.publishedNumber + 1;
  return (
    <Modal opened onClose={onClose} title={`Publish version ${next}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          publish.mutate(note.trim() ? { note: note.trim() } : {}, {
            onSuccess: () => {
              notifySuccess(`Version ${next} is published; the product’s members are notified.`);
              onClose();
            },
            onError: (err) => notifyError(err, 'Not published'),
          });
        }}
      >
        <Stack>
          <Text size="sm">
            The draft’s sections, stories and the product’s pillars become v{next}. Admins, leads and the PMs owning a component of {doc.productName} are notified.
          </Text>
          {!doc.dirty && doc.publishedNumber > 0 ? (
            <Alert color="yellow" variant="light">
              The draft has no unpublished text changes; publishing only makes sense if the pillars changed.
            </Alert>
          ) : null}
          <Textarea label="What changed" description="Shown in the history and the notification." autosize minRows={2} maxLength={PUBLISH_NOTE_MAX} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={publish.isPending}>
              Publish v{next}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
