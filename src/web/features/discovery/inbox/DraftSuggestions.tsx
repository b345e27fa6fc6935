import { Badge, Box, Button, Collapse, Group, Loader, Paper, Radio, Stack, Text, Tooltip } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useId } from 'react';
import { plural } from '../../../lib/format';
import type { SimilarItem, Suggestions } from '../types';

/** An opportunity the new feedback will be linked to on save. */
export interface ChosenOpportunity {
  id: string;
  title: string;
}

export interface DraftSuggestionsState {
  active: boolean;
  data: Suggestions | undefined;
  loading: boolean;
  isError: boolean;
}

const NONE = 'none';
const MAX_DUPLICATES = 5;
const percent = (score: number) => `${Math.round(score * 100)}%`;

/** The one-line status of the panel; it is the live region, so results are announced once, briefly. */
function summaryOf({ data, loading, isError }: DraftSuggestionsState): string {
  if (isError) return 'Suggestions are unavailable right now.';
  if (!data) return loading ? 'Looking for similar feedback…' : '';
  const dups = Math.min(data.duplicates.length, MAX_DUPLICATES);
  if (dups === 0 && data.opportunities.length === 0) return 'Nothing similar yet: this looks new.';
  return `${plural(dups, 'likely duplicate')} · ${plural(data.opportunities.length, 'suggested opportunity', 'suggested opportunities')}`;
}

/**
 * "Possibly already captured": likely duplicates of the feedback being typed and the opportunities
 * it probably belongs to, one of which can be picked to link the new item to on save. The previous
 * answer stays on screen while a newer one loads, so the form below does not jump as the user types.
 */
export function DraftSuggestions({
  state,
  chosen,
  onChoose,
  canLink,
  onOpen,
}: {
  state: DraftSuggestionsState;
  chosen: ChosenOpportunity | null;
  onChoose: (o: ChosenOpportunity | null) => void;
  canLink: boolean;
  onOpen?: (id: string) => void;
}) {
  const titleId = useId();
  const duplicates = (state.data?.duplicates ?? []).slice(0, MAX_DUPLICATES);
  const opportunities = state.data?.opportunities ?? [];

  return (
    <Collapse expanded={state.active} keepMounted={false}>
      <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={titleId}>
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs" mih={22}>
            <Text id={titleId} size="sm" fw={600}>
              Possibly already captured
            </Text>
            <Group gap={6} wrap="nowrap">
              {/* Fixed size and always reserved: the loader never pushes the text around. */}
              <Box w={14} h={14} display="flex">
                {state.loading ? <Loader size={14} aria-hidden /> : null}
              </Box>
              <Text size="xs" c="dimmed" role="status">
                {summaryOf(state)}
              </Text>
            </Group>
          </Group>
          {duplicates.length ? <DuplicateList items={duplicates} onOpen={onOpen} /> : null}
          {opportunities.length || chosen ? (
            canLink ? (
              <OpportunityChoice opportunities={opportunities} chosen={chosen} onChoose={onChoose} />
            ) : (
              <SuggestedOpportunityBadges opportunities={opportunities} />
            )
          ) : null}
        </Stack>
      </Paper>
    </Collapse>
  );
}

function DuplicateList({ items, onOpen }: { items: SimilarItem[]; onOpen?: (id: string) => void }) {
  return (
    <Box component="ul" aria-label="Likely duplicates" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((d) => {
        const text = d.text ?? 'Feedback';
        return (
          <Box component="li" key={d.id} py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Group wrap="nowrap" align="flex-start" gap="xs">
              <Box flex={1} miw={0}>
                <Text size="sm" lineClamp={2}>
                  {text}
                </Text>
                <Text size="xs" c="dimmed">
                  {d.customer?.name ?? 'No customer'} · {percent(d.score)} similar
                </Text>
              </Box>
              {onOpen ? (
                <Tooltip label="Close this form and open the existing feedback">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    rightSection={<IconExternalLink size={12} aria-hidden />}
                    onClick={() => onOpen(d.id)}
                    aria-label={`Open existing feedback: ${text.slice(0, 60)}`}
                  >
                    Open
                  </Button>
                </Tooltip>
              ) : null}
            </Group>
          </Box>
        );
      })}
    </Box>
  );
}

function OpportunityChoice({
  opportunities,
  chosen,
  onChoose,
}: {
  opportunities: Suggestions['opportunities'];
  chosen: ChosenOpportunity | null;
  onChoose: (o: ChosenOpportunity | null) => void;
}) {
  // A choice survives further typing even when the opportunity drops out of the suggestions.
  const options: { id: string; title: string; score?: number }[] = chosen && !opportunities.some((o) => o.id === chosen.id) ? [...opportunities, chosen] : opportunities;
  return (
    <Radio.Group
      label="Suggested opportunities"
      description="Link the new feedback to one of them as evidence when you save."
      value={chosen?.id ?? NONE}
      onChange={(id) => {
        const hit = options.find((o) => o.id === id);
        onChoose(hit ? { id: hit.id, title: hit.title } : null);
      }}
      size="sm"
    >
      <Stack gap={6} mt={6}>
        <Radio value={NONE} label="Don't link" />
        {options.map((o) => (
          <Radio
            key={o.id}
            value={o.id}
            label={
              <>
                {o.title}
                {o.score !== undefined ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {percent(o.score)} match
                  </Text>
                ) : null}
              </>
            }
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** For people who may add feedback but not link evidence: the hint without the choice. */
function SuggestedOpportunityBadges({ opportunities }: { opportunities: Suggestions['opportunities'] }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Suggested opportunities
      </Text>
      <Group gap={6}>
        {opportunities.map((o) => (
          <Badge key={o.id} color="indigo" variant="outline" style={{ textTransform: 'none' }}>
            {o.title} · {percent(o.score)}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}
