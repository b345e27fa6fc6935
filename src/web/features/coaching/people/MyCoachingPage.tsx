import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useMembers } from '../../members/use-members';
import { PersonCoaching } from './PersonCoaching';

/** The caller's own coaching page: the person page, for the current member. */
export function MyCoachingPage() {
  const { workspaceId, memberId } = useCurrentWorkspace();
  const members = useMembers(workspaceId);
  if (!memberId) {
    return (
      <>
        <PageHeader title="My coaching" />
        {members.isError ? <ErrorState error={members.error} onRetry={() => void members.refetch()} /> : <LoadingRows rows={4} height={120} />}
      </>
    );
  }
  return <PersonCoaching key={memberId} personId={memberId} self />;
}
