import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { LIMITS, PASSWORD_RULE } from '../../../shared/limits.js';

/** The password input with the shared rule shown before anyone types. */
export function NewPasswordField(props: PasswordInputProps) {
  return <PasswordInput label="Password" description={PASSWORD_RULE} autoComplete="new-password" maxLength={LIMITS.passwordMax} {...props} />;
}
