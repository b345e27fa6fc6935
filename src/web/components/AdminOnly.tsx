import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

/** What a settings page shows to a member whose role may not use it. */
export function NotAllowed({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray" icon={<IconLock size={18} aria-hidden />} title="Not available for your role">
        {children ?? 'Ask a workspace admin if you need this.'}
      </Alert>
    </>
  );
}
