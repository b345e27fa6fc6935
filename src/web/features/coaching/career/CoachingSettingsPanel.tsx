import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSettings } from '@tabler/icons-react';
import { useEffect } from 'react';
import { CAREER_LIMITS } from '../../../../shared/contracts.js';
import { ROLES, ROLE_LABELS, type Role } from '../../../../shared/roles.js';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCoachingSettings, useUpdateCoachingSettings } from './use-career';
import { useFrameworks } from './use-frameworks';

/** Admins' coaching settings: who sees salary bands, the default framework and the coaching cadence. */
export function CoachingSettingsPanel({ workspaceId }: { workspaceId: string }) {
  const settings = useCoachingSettings(workspaceId);
  const frameworks = useFrameworks(workspaceId);
  const save = useUpdateCoachingSettings(workspaceId);
  const form = useForm({
    initialValues: { salaryRoles: [] as string[], defaultFrameworkId: '', cadenceDays: 14 as number | string },
    validate: {
      cadenceDays: (v) => (v === '' || Number(v) < CAREER_LIMITS.cadenceMin || Number(v) > CAREER_LIMITS.cadenceMax ? `Between ${CAREER_LIMITS.cadenceMin} and ${CAREER_LIMITS.cadenceMax} days.` : null),
      defaultFrameworkId: (v) => (v ? null : 'Pick the default framework.'),
    },
  });

  useEffect(() => {
    if (settings.data) {
      form.setValues({ salaryRoles: settings.data.salaryRoles, defaultFrameworkId: settings.data.defaultFrameworkId, cadenceDays: settings.data.cadenceDays });
      form.resetDirty();
    }
    // Reset when a new version of the settings arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.data?.version]);

  const submit = form.onSubmit((v) =>
    save.mutate(
      { salaryRoles: v.salaryRoles as Role[], defaultFrameworkId: v.defaultFrameworkId, cadenceDays: Number(v.cadenceDays), version: settings.data!.version },
      { onSuccess: () => notifySuccess('Coaching settings saved.'), onError: (e) => showFormError(form, e, 'Could not save the coaching settings') },
    ),
  );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="coaching-settings-title">
      <Group gap="xs" mb="xs">
        <IconSettings size={18} aria-hidden />
        <Title order={2} fz="md" id="coaching-settings-title">
          Coaching settings
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Only admins change these. Salary bands stay hidden from every role not ticked here, in the ladder, its history and the API.
      </Text>
      {settings.isPending || frameworks.isPending ? (
        <LoadingRows rows={2} />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Checkbox.Group label="Who sees salary bands" {...form.getInputProps('salaryRoles')}>
              <Group mt="xs">
                {ROLES.map((r) => (
                  <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Default competency framework"
                description="Used for new assessments and the expectations shown on the ladder."
                data={(frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
                allowDeselect={false}
                {...form.getInputProps('defaultFrameworkId')}
              />
              <NumberInput
                label="Coaching cadence (days)"
                description="How often a coach aims to meet each PM; the team view flags PMs past it."
                min={CAREER_LIMITS.cadenceMin}
                max={CAREER_LIMITS.cadenceMax}
                allowDecimal={false}
                {...form.getInputProps('cadenceDays')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Save settings
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
