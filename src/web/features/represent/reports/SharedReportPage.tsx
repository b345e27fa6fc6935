import { Alert, Button, Container, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { IconDownload, IconLinkOff } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { isApiError } from '../../../lib/api/client';
import { ErrorState } from '../../../components/QueryState';
import { ReportSections } from './ReportSections';
import { useSharedReport } from './use-reports';

/** A report read through a share link: no login, read-only, a clean layout. */
export function SharedReportPage() {
  const { token } = useParams({ strict: false }) as { token: string };
  const shared = useSharedReport(token);
  return (
    <Container size="md" py="xl">
      {shared.isPending ? (
        <Stack aria-busy="true" aria-label="Loading">
          <Skeleton height={36} width="60%" />
          <Skeleton height={200} />
        </Stack>
      ) : shared.isError ? (
        isApiError(shared.error) && shared.error.status === 404 ? (
          <Alert icon={<IconLinkOff size={20} aria-hidden />} color="gray" variant="light" title="This link has expired or was revoked" role="alert">
            Ask the person who shared it for a new link.
          </Alert>
        ) : (
          <ErrorState error={shared.error} onRetry={() => void shared.refetch()} />
        )
      ) : (
        <Paper withBorder radius="md" p="xl" component="article" aria-label={shared.data.title}>
          <Group justify="space-between" align="flex-start" mb="md">
            <Title order={1} fz={28}>
              {shared.data.title}
            </Title>
            <Group gap="xs">
              {(['pdf', 'md'] as const).map((f) => (
                <Button key={f} component="a" href={`/api/v1/shared/${encodeURIComponent(token)}?format=${f}`} download variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
                  {f === 'md' ? 'Markdown' : 'PDF'}
                </Button>
              ))}
            </Group>
          </Group>
          <ReportSections content={shared.data.content} />
        </Paper>
      )}
    </Container>
  );
}
