import { Anchor, Button, Grid, Group, Paper, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { wsPath } from '../../../lib/api/client';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { ReportSections } from './ReportSections';
import { ShareLinksPanel } from './ShareLinksPanel';
import { AUDIENCE_LABEL, useDeleteReport, usePublishReport, useReport } from './use-reports';

/** One report: its sections, exports, publishing and share links. */
export function ReportPage() {
  const { reportId } = useParams({ strict: false }) as { reportId: string };
  const { workspaceId, can } = useCurrentWorkspace();
  const report = useReport(workspaceId, reportId);
  const publish = usePublishReport(workspaceId);
  const remove = useDeleteReport(workspaceId);
  const navigate = useNavigate();
  const back = (
    <Link to="/w/$workspaceId/reports" params={{ workspaceId }}>
      <Anchor component="span" size="sm">
        ← Reports
      </Anchor>
    </Link>
  );
  if (report.isPending) return <LoadingRows rows={6} />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} title="Could not load this report" />;
  const r = report.data;
  const exportUrl = (format: string) => wsPath(workspaceId, `/reports/${r.id}/export?format=${format}`);
  const mayCreate = can('report.create');

  return (
    <>
      <PageHeader
        above={back}
        title={r.title}
        description={`${AUDIENCE_LABEL[r.audience]} report of ${r.productName} · ${r.status === 'published' ? `published ${formatDateTime(r.publishedAt)}` : 'draft'}`}
        actions={
          <Group gap="xs">
            {(['md', 'html', 'pdf'] as const).map((f) => (
              <Button key={f} component="a" href={exportUrl(f)} download variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
                {f === 'md' ? 'Markdown' : f.toUpperCase()}
              </Button>
            ))}
            {mayCreate && r.status !== 'published' ? (
              <Button size="xs" loading={publish.isPending} onClick={() => publish.mutate({ id: r.id, version: r.version })}>
                Publish
              </Button>
            ) : null}
            {mayCreate ? (
              <Button
                size="xs"
                color="red"
                variant="light"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Delete “${r.title}”? Its share links stop working.`))
                    remove.mutate(r.id, { onSuccess: () => void navigate({ to: '/w/$workspaceId/reports', params: { workspaceId } }) });
                }}
              >
                Delete
              </Button>
            ) : null}
          </Group>
        }
      />
      {publish.error || remove.error ? (
        <Text c="red" size="sm" role="alert" mb="sm">
          {errorMessage(publish.error ?? remove.error)}
        </Text>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="lg" component="article" aria-label={r.title}>
            <ReportSections content={r.content} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ShareLinksPanel workspaceId={workspaceId} reportId={r.id} mayShare={can('report.share')} />
        </Grid.Col>
      </Grid>
    </>
  );
}
