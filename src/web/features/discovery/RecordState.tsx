import type { ReactNode } from 'react';
import { isApiError } from '../../lib/api/client';
import { PageHeader } from '../../components/PageHeader';
import { RecordNotFound } from '../../components/ErrorPages';
import { ErrorState, LoadingRows } from '../../components/QueryState';

interface RecordQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * What a record's page shows before its data is there: a loading header and rows, "not found" with a way
 * back on a 404, or the error with a retry. Renders nothing once the record has loaded.
 */
export function RecordState({ query, noun, crumbs, back, rows = 5 }: { query: RecordQuery; noun: string; crumbs: ReactNode; back: ReactNode; rows?: number }) {
  if (query.isPending) {
    return (
      <>
        <PageHeader title={`Loading ${noun.toLowerCase()}…`} above={crumbs} />
        <LoadingRows rows={rows} />
      </>
    );
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <RecordNotFound title={`${noun} not found`}>{back}</RecordNotFound>;
    return (
      <>
        <PageHeader title={noun} above={crumbs} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  return null;
}
