import { Button, Checkbox, Divider, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { LIMITS, checkPassword } from '../../../shared/limits.js';
import { useRunSetup } from '../../lib/api/use-session';
import { AuthLayout } from '../../components/AuthLayout';
import { notifySuccess, showFormError } from '../../lib/errors';
import { NewPasswordField } from './PasswordField';

const emailOk = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());

/** First run: the first account (instance admin) and its first workspace. */
export function SetupPage() {
  const navigate = useNavigate();
  const setup = useRunSetup();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', workspaceName: '', loadDemo: true },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name.'),
      email: (v) => (emailOk(v) ? null : 'Enter an email address.'),
      password: (v) => checkPassword(v),
      workspaceName: (v) => (v.trim() ? null : 'Name your first workspace.'),
    },
  });

  return (
    <AuthLayout
      title="Welcome to Sextant"
      description="Create the first account. It becomes the instance administrator and the admin of your first workspace."
      width={480}
    >
      <form
        onSubmit={form.onSubmit((values) =>
          setup.mutate(
            { ...values, name: values.name.trim(), email: values.email.trim(), workspaceName: values.workspaceName.trim() },
            {
              onSuccess: (result) => {
                notifySuccess('Your workspace is ready.', 'Sextant is set up');
                void navigate({ to: '/w/$workspaceId', params: { workspaceId: result.workspaceId } });
              },
              onError: (error) => showFormError(form, error, 'Setup failed'),
            },
          ),
        )}
      >
        <Stack>
          <TextInput label="Name" autoComplete="name" maxLength={LIMITS.nameMax} {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" autoComplete="email" maxLength={LIMITS.emailMax} {...form.getInputProps('email')} />
          <NewPasswordField {...form.getInputProps('password')} />
          <Divider />
          <TextInput
            label="Workspace name"
            description="Your company or product group. You can rename it later."
            maxLength={LIMITS.nameMax}
            {...form.getInputProps('workspaceName')}
          />
          <Checkbox
            label="Load the demo workspace"
            description="Adds a second workspace with a realistic product, components and team to explore."
            {...form.getInputProps('loadDemo', { type: 'checkbox' })}
          />
          <Button type="submit" loading={setup.isPending} fullWidth>
            Set up Sextant
          </Button>
          <Text size="xs" c="dimmed">
            Only the first visitor can run setup; afterwards new people sign up or are invited.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
