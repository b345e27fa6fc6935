import { List, Stack, Text, Title } from '@mantine/core';
import type { ReportContent } from '../../../../shared/contracts.js';
import { formatDate } from '../../../lib/format';
import { AUDIENCE_LABEL } from './use-reports';

/** A calendar day as the rest of the app writes dates (noon UTC, so no time zone moves it a day). */
const day = (d: string | null | undefined) => (d ? formatDate(/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T12:00:00Z` : d) : '…');

/** The compiled report, read-only: a heading per section, its paragraphs and lists. */
export function ReportSections({ content }: { content: ReportContent }) {
  return (
    <Stack gap="lg">
      <Text c="dimmed" size="sm">
        {content.productName} · {AUDIENCE_LABEL[content.audience] ?? content.audience} report
        {content.from || content.to ? ` · ${day(content.from)} to ${day(content.to)}` : ''}
      </Text>
      {content.sections.map((s) => (
        <section key={s.key} aria-labelledby={`section-${s.key}`}>
          <Title order={2} fz="lg" id={`section-${s.key}`} mb="xs">
            {s.heading}
          </Title>
          <Stack gap="xs">
            {s.blocks.map((b, i) =>
              b.type === 'paragraph' ? (
                <Text key={i}>{b.text}</Text>
              ) : (
                <List key={i} spacing={4}>
                  {b.items.map((item, j) => (
                    <List.Item key={j}>{item}</List.Item>
                  ))}
                </List>
              ),
            )}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
