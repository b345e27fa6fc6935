import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { LIMITS, checkPassword } from '../../../shared/limits.js';
import { useSignUp } from '../../lib/api/use-session';
import { AuthLayout } from '../../components/AuthLayout';
import { AnchorLink } from '../../components/links';
import { notifySuccess, showFormError } from '../../lib/errors';
import { safeRedirect } from '../../lib/redirect';
import { NewPasswordField } from './PasswordField';

export function SignUpPage() {
  const search = useSearch({ from: '/sign-up' });
  const redirect = safeRedirect(search.redirect);
  const router = useRouter();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name.'),
      email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : 'Enter an email address.'),
      password: (v) => checkPassword(v),
    },
  });

  return (
    <AuthLayout
      title="Create your account"
      description={redirect?.startsWith('/invite/') ? 'Create an account to accept your invitation.' : 'Join your team on Sextant.'}
      footer={
        <>
          Already have an account?{' '}
          <AnchorLink to="/sign-in" search={{ redirect }} underline="always">
            Sign in
          </AnchorLink>
        </>
      }
    >
      <form
        onSubmit={form.onSubmit((values) =>
          signUp.mutate(
            { name: values.name.trim(), email: values.email.trim(), password: values.password },
            {
              onSuccess: () => {
                notifySuccess('Welcome to Sextant.', 'Account created');
                if (redirect) router.history.push(redirect);
                else void navigate({ to: '/' });
              },
              onError: (error) => showFormError(form, error, 'Could not create your account'),
            },
          ),
        )}
      >
        <Stack>
          <TextInput label="Name" autoComplete="name" maxLength={LIMITS.nameMax} data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" autoComplete="email" maxLength={LIMITS.emailMax} {...form.getInputProps('email')} />
          <NewPasswordField {...form.getInputProps('password')} />
          <Button type="submit" loading={signUp.isPending} fullWidth>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
