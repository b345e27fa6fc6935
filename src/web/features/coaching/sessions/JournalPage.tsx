import { Badge, Group, Mark, Paper, SegmentedControl, Select, Stack, Text, TextInput, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBook2, IconMessageCircle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { JournalSearchHit } from '../../../../shared/contracts.js';
import { COACHING_SESSION_LIMITS } from '../../../../shared/contracts.js';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useMembers } from '../../members/use-members';
import { formatSessionTime, formatShortDay, headlineParts } from './labels';
import { useJournalSearch } from './use-sessions';
import { useSearch } from '@tanstack/react-router';

type View = 'session' | 'competency';

/** The matching words of a search result, marked. */
function Headline({ text }: { text: string }) {
  return (
    <Text size="xs" c="dimmed">
      Match:{' '}
      {headlineParts(text).map((p, i) =>
        p.mark ? (
          <Mark key={i} color="yellow">
            {p.text}
          </Mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </Text>
  );
}

function Answer({ hit }: { hit: JournalSearchHit }) {
  return hit.answer ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {hit.answer}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" fs="italic">
      Not answered.
    </Text>
  );
}

/** Entries grouped by the session they were asked in, newest session first. */
function BySession({ workspaceId, hits, showPeople }: { workspaceId: string; hits: JournalSearchHit[]; showPeople: boolean }) {
  const groups: { session: JournalSearchHit['session']; hits: JournalSearchHit[] }[] = [];
  for (const h of hits) {
    const last = groups[groups.length - 1];
    if (last && last.session.id === h.session.id) last.hits.push(h);
    else groups.push({ session: h.session, hits: [h] });
  }
  return (
    <Stack gap="lg">
      {groups.map((g) => (
        <Paper key={g.session.id} withBorder radius="md" p="md" component="section" aria-label={`Session of ${formatShortDay(g.session.scheduledAt)}`}>
          <Group justify="space-between" mb="sm" wrap="wrap">
            <AnchorLink to="/w/$workspaceId/coaching/sessions/$sessionId" params={{ workspaceId, sessionId: g.session.id }} fw={600}>
              {formatSessionTime(g.session.scheduledAt)}
            </AnchorLink>
            {showPeople ? (
              <Text size="sm" c="dimmed">
                {g.session.coach.name} with {g.session.coachee.name}
              </Text>
            ) : null}
          </Group>
          <Stack gap="md">
            {g.hits.map((h) => (
              <Stack key={h.id} gap={4}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <IconMessageCircle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                  <Text size="sm" fw={600}>
                    {h.question}
                  </Text>
                </Group>
                {h.competency ? (
                  <Badge size="xs" variant="light" color="gray" ml={24} style={{ alignSelf: 'flex-start' }}>
                    {h.competency.name}
                  </Badge>
                ) : null}
                <Stack gap={4} ml={24}>
                  <Answer hit={h} />
                  {h.headline ? <Headline text={h.headline} /> : null}
                </Stack>
              </Stack>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** Entries grouped by competency, oldest first within each: how the answers on one skill moved. */
function ByCompetency({ workspaceId, hits, showPeople }: { workspaceId: string; hits: JournalSearchHit[]; showPeople: boolean }) {
  const groups = new Map<string, { name: string; hits: JournalSearchHit[] }>();
  for (const h of hits) {
    const key = h.competency?.id ?? 'none';
    const g = groups.get(key) ?? { name: h.competency?.name ?? 'Not tied to a competency', hits: [] };
    g.hits.push(h);
    groups.set(key, g);
  }
  const ordered = [...groups.entries()].sort(([a, x], [b, y]) => (a === 'none' ? 1 : b === 'none' ? -1 : y.hits.length - x.hits.length || x.name.localeCompare(y.name)));
  return (
    <Stack gap="lg">
      {ordered.map(([key, g]) => (
        <Paper key={key} withBorder radius="md" p="md" component="section" aria-labelledby={`competency-${key}`}>
          <Group justify="space-between" mb="md">
            <Title order={2} fz="md" id={`competency-${key}`}>
              {g.name}
            </Title>
            <Text size="sm" c="dimmed">
              {plural(g.hits.length, 'question')}
            </Text>
          </Group>
          <Timeline bulletSize={14} lineWidth={2} active={g.hits.length - 1}>
            {[...g.hits].reverse().map((h) => (
              <Timeline.Item
                key={h.id}
                title={
                  <Group gap="xs" wrap="wrap">
                    <AnchorLink to="/w/$workspaceId/coaching/sessions/$sessionId" params={{ workspaceId, sessionId: h.session.id }} size="sm" fw={600}>
                      {formatShortDay(h.session.scheduledAt)}
                    </AnchorLink>
                    {showPeople ? (
                      <Text size="xs" c="dimmed">
                        {h.session.coachee.name}
                      </Text>
                    ) : null}
                  </Group>
                }
              >
                <Text size="sm" fw={550} mt={2}>
                  {h.question}
                </Text>
                <Stack gap={4} mt={4}>
                  <Answer hit={h} />
                  {h.headline ? <Headline text={h.headline} /> : null}
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      ))}
    </Stack>
  );
}

/** The reasoning journal across sessions: search it, pick a person, see how the thinking changed. */
export function JournalPage() {
  const { workspaceId, can, memberId } = useCurrentWorkspace();
  const members = useMembers(workspaceId);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const linked = useSearch({ from: '/authed/w/$workspaceId/coaching/journal' });
  const [personId, setPersonId] = useState<string | null>(linked.personId ?? null);
  const [view, setView] = useState<View>('session');
  const coaches = can('coaching-session.create');
  const journal = useJournalSearch(workspaceId, { q: q || undefined, personId: personId ?? undefined });
  const people = (members.data?.items ?? []).filter((m) => m.id !== memberId && (m.role === 'pm' || m.role === 'lead')).map((m) => ({ value: m.id, label: m.name }));
  const hits = journal.data?.items ?? [];
  // A coach reads other people's answers: say whose they are.
  const showPeople = hits.some((h) => h.coacheeId !== memberId);

  const header = (
    <PageHeader
      title="Reasoning journal"
      description="The questions asked in 1:1s and the answers given, across sessions: search them, and follow how the thinking on each competency changed."
      actions={
        <ButtonLink to="/w/$workspaceId/coaching/sessions" params={{ workspaceId }} variant="default">
          1:1 sessions
        </ButtonLink>
      }
    />
  );

  const filtering = Boolean(q || personId);
  let body;
  if (journal.isPending) body = <LoadingRows rows={5} height={72} />;
  else if (journal.isError) body = <ErrorState error={journal.error} onRetry={() => void journal.refetch()} />;
  else if (hits.length === 0)
    body = filtering ? (
      <Paper withBorder radius="md" p="lg">
        <Text size="sm" c="dimmed" ta="center">
          {q ? `Nothing in the journal matches “${q}”.` : 'No questions with this person yet.'} Try other words, or clear the filters.
        </Text>
      </Paper>
    ) : (
      <EmptyState
        icon={<IconBook2 size={24} aria-hidden />}
        title="The journal is empty"
        description={
          coaches
            ? 'Ask questions in your 1:1s (the suggested ones, or your own). Your PMs’ answers collect here, searchable across sessions.'
            : 'When your coach asks you questions in a 1:1, your answers collect here, so you can see how your thinking has moved.'
        }
        action={
          <ButtonLink to="/w/$workspaceId/coaching/sessions" params={{ workspaceId }}>
            Go to your sessions
          </ButtonLink>
        }
      />
    );
  else
    body =
      view === 'session' ? (
        <BySession workspaceId={workspaceId} hits={hits} showPeople={showPeople} />
      ) : (
        <ByCompetency workspaceId={workspaceId} hits={hits} showPeople={showPeople} />
      );

  return (
    <>
      {header}
      <Group gap="md" mb="lg" align="flex-end" wrap="wrap">
        <TextInput
          label="Search questions and answers"
          placeholder="e.g. pricing, “churned customers”, interviews -survey"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={COACHING_SESSION_LIMITS.searchMax}
          w={360}
          type="search"
        />
        {coaches ? (
          <Select label="Person" placeholder="Everyone you coach" data={people} value={personId} onChange={setPersonId} clearable searchable w={240} nothingFoundMessage="Nobody by that name" />
        ) : null}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="journal-view">
            Group by
          </Text>
          <SegmentedControl
            aria-labelledby="journal-view"
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'session', label: 'Session' },
              { value: 'competency', label: 'Competency' },
            ]}
          />
        </Stack>
        {journal.data ? (
          <Text size="sm" c="dimmed" ml="auto">
            {plural(journal.data.total, 'entry', 'entries')}
          </Text>
        ) : null}
      </Group>
      {body}
      <VisuallyHidden aria-live="polite">{journal.data ? `${journal.data.total} journal entries found` : ''}</VisuallyHidden>
    </>
  );
}
