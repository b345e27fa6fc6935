import { Badge, Button, Modal, Paper, Table, Tabs, Text } from '@mantine/core';
import { IconFlask, IconMicrophone, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifySuccess } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { EXPERIMENT_RESULT_COLORS, EXPERIMENT_RESULT_LABELS, EXPERIMENT_STATUS_LABELS, EXPERIMENT_TYPE_LABELS } from '../labels';
import { ExperimentForm } from './ExperimentForm';
import { InterviewFormModal } from './InterviewFormModal';
import { useCreateExperiment, useExperiments, useInterviews } from './use-research';

/** Interviews and validation experiments, one tab each. */
export function ResearchPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const search = useSearch({ from: '/authed/w/$workspaceId/research' });
  const navigate = useNavigate({ from: '/w/$workspaceId/research' });
  const canInterviews = can('interview.read');
  const tab = search.tab ?? (canInterviews ? 'interviews' : 'experiments');
  const [dialog, setDialog] = useState<null | 'interview' | 'experiment'>(null);

  const action =
    tab === 'interviews' && can('interview.create') ? (
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('interview')}>
        New interview
      </Button>
    ) : tab === 'experiments' && can('experiment.create') ? (
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('experiment')}>
        New experiment
      </Button>
    ) : null;

  return (
    <>
      <PageHeader title="Research" description="Talk to customers, then test what you heard before building it." actions={action} />
      <Tabs value={tab} onChange={(v) => void navigate({ search: { tab: v === 'experiments' ? 'experiments' : 'interviews' } })} keepMounted={false}>
        <Tabs.List mb="md">
          {canInterviews ? (
            <Tabs.Tab value="interviews" leftSection={<IconMicrophone size={16} aria-hidden />}>
              Interviews
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="experiments" leftSection={<IconFlask size={16} aria-hidden />}>
            Experiments
          </Tabs.Tab>
        </Tabs.List>
        {canInterviews ? (
          <Tabs.Panel value="interviews">
            <InterviewsTable workspaceId={workspaceId} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="experiments">
          <ExperimentsTable workspaceId={workspaceId} />
        </Tabs.Panel>
      </Tabs>
      <InterviewFormModal workspaceId={workspaceId} opened={dialog === 'interview'} onClose={() => setDialog(null)} />
      <NewExperimentModal workspaceId={workspaceId} opened={dialog === 'experiment'} onClose={() => setDialog(null)} />
    </>
  );
}

function InterviewsTable({ workspaceId }: { workspaceId: string }) {
  const list = useInterviews(workspaceId);
  if (list.isPending) return <LoadingRows rows={5} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) {
    return <EmptyState icon={<IconMicrophone size={24} aria-hidden />} title="No interviews yet" description="Record an interview and its notes; select quotes in the notes to keep them as evidence." />;
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Interviews">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Interview</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Participant</Table.Th>
              <Table.Th>Interviewer</Table.Th>
              <Table.Th ta="right">Highlights</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <AnchorLink to="/w/$workspaceId/research/interviews/$interviewId" params={{ workspaceId, interviewId: i.id }} fw={550}>
                    {i.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{formatDate(`${i.date}T12:00:00`)}</Table.Td>
                <Table.Td>
                  {i.contact ? `${i.contact.name}${i.contact.customer ? ` (${i.contact.customer.name})` : ''}` : i.participantName || '—'}
                </Table.Td>
                <Table.Td>{i.interviewer?.name ?? '—'}</Table.Td>
                <Table.Td ta="right">{i.highlightCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ExperimentsTable({ workspaceId }: { workspaceId: string }) {
  const list = useExperiments(workspaceId);
  if (list.isPending) return <LoadingRows rows={5} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) {
    return <EmptyState icon={<IconFlask size={24} aria-hidden />} title="No experiments yet" description="Write a hypothesis, pick how to test it and what counts as success." />;
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label="Experiments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Experiment</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>Dates</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td maw={440}>
                  <AnchorLink to="/w/$workspaceId/research/experiments/$experimentId" params={{ workspaceId, experimentId: x.id }} fw={550} lineClamp={2}>
                    {x.title || x.hypothesis}
                  </AnchorLink>
                  {x.opportunities.length ? (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      Tests: {x.opportunities.map((o) => o.title).join(', ')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{EXPERIMENT_TYPE_LABELS[x.type]}</Table.Td>
                <Table.Td>
                  <Badge color="gray">{EXPERIMENT_STATUS_LABELS[x.status]}</Badge>
                </Table.Td>
                <Table.Td>{x.result ? <Badge color={EXPERIMENT_RESULT_COLORS[x.result]}>{EXPERIMENT_RESULT_LABELS[x.result]}</Badge> : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {x.startsOn ? formatDate(`${x.startsOn}T12:00:00`) : '—'} – {x.endsOn ? formatDate(`${x.endsOn}T12:00:00`) : '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function NewExperimentModal({ workspaceId, opened, onClose }: { workspaceId: string; opened: boolean; onClose: () => void }) {
  const create = useCreateExperiment(workspaceId);
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title="New experiment" size="lg">
      <ExperimentForm
        workspaceId={workspaceId}
        submitLabel="Create experiment"
        pending={create.isPending}
        onCancel={onClose}
        onSubmit={(values, onError) =>
          create.mutate(values, {
            onSuccess: (x) => {
              notifySuccess('Experiment created.');
              onClose();
              void navigate({ to: '/w/$workspaceId/research/experiments/$experimentId', params: { workspaceId, experimentId: x.id } });
            },
            onError,
          })
        }
      />
    </Modal>
  );
}
