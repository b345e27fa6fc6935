import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { LIMITS } from '../../../shared/limits.js';
import { useSignIn } from '../../lib/api/use-session';
import { AuthLayout } from '../../components/AuthLayout';
import { AnchorLink } from '../../components/links';
import { showFormError } from '../../lib/errors';
import { safeRedirect } from '../../lib/redirect';

export function SignInPage() {
  const search = useSearch({ from: '/sign-in' });
  const redirect = safeRedirect(search.redirect);
  const router = useRouter();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your email address.'),
      password: (v) => (v ? null : 'Enter your password.'),
    },
  });

  return (
    <AuthLayout
      title="Sign in to Sextant"
      footer={
        <>
          New here?{' '}
          <AnchorLink to="/sign-up" search={{ redirect }} underline="always">
            Create an account
          </AnchorLink>
        </>
      }
    >
      <form
        onSubmit={form.onSubmit((values) =>
          signIn.mutate(
            { email: values.email.trim(), password: values.password },
            {
              onSuccess: () => {
                if (redirect) router.history.push(redirect);
                else void navigate({ to: '/' });
              },
              onError: (error) => showFormError(form, error, 'Could not sign you in'),
            },
          ),
        )}
      >
        <Stack>
          <TextInput label="Email" type="email" autoComplete="email" maxLength={LIMITS.emailMax} data-autofocus {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" maxLength={LIMITS.passwordMax} {...form.getInputProps('password')} />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

