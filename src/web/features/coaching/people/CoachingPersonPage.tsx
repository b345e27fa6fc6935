import { useParams } from '@tanstack/react-router';
import { PersonCoaching } from './PersonCoaching';

/** A PM's coaching page, as their coach (a lead or admin) or they themselves see it. */
export function CoachingPersonPage() {
  const { personId } = useParams({ from: '/authed/w/$workspaceId/coaching/people/$personId' });
  return <PersonCoaching key={personId} personId={personId} self={false} />;
}
