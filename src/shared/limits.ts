/** Limits shared by the server's validation and the web forms: one definition, two users. */
export const LIMITS = {
  nameMax: 120,
  titleMax: 120,
  descriptionMax: 5_000,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 128,
  tokenNameMax: 80,
  bodyLimitBytes: 1_048_576,
  importLimitBytes: 50 * 1_048_576,
  pageSizeMax: 200,
  invitationDays: 14,
} as const;

/** Explains the password rule in words the sign-up form shows before the user types. */
export const PASSWORD_RULE = `At least ${LIMITS.passwordMin} characters, with a letter and a digit.`;

/** Returns a message for a password that breaks the rule, or null when it is fine. */
export function checkPassword(password: string): string | null {
  if (password.length < LIMITS.passwordMin) return `Password must be at least ${LIMITS.passwordMin} characters.`;
  if (password.length > LIMITS.passwordMax) return `Password must be at most ${LIMITS.passwordMax} characters.`;
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'Password must contain a letter and a digit.';
  return null;
}
