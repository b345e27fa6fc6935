import { resolve } from 'node:path';

/** Everything Sextant reads from its environment, read once. */
export interface Config {
  port: number;
  host: string;
  /** The embedded database's data directory; ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | null;
  /** Public origin (e.g. https://sextant.example.com); when null, the request's own host is trusted. */
  publicUrl: string | null;
  authSecret: string;
  logLevel: string;
  /** Requests per minute per client on the sign-in and sign-up endpoints. */
  authRateLimit: number;
  /** Poll interval of the background job worker, in ms; 0 turns the worker off. */
  jobPollMs: number;
  /** Outgoing mail server (`smtp://user:pass@host:587`, `smtps://…`); null: no email is sent (in-app only). */
  smtpUrl: string | null;
  /** The sender of outgoing email. */
  mailFrom: string;
  production: boolean;
}

/** Reads the configuration from environment variables (README, "Configuration"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.SEXTANT_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    publicUrl: env.SEXTANT_PUBLIC_URL ? env.SEXTANT_PUBLIC_URL.replace(/\/$/, '') : null,
    authSecret: env.SEXTANT_SECRET ?? env.BETTER_AUTH_SECRET ?? '',
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'warn'),
    authRateLimit: Number(env.SEXTANT_AUTH_RATE_LIMIT ?? 30),
    jobPollMs: Number(env.SEXTANT_JOB_POLL_MS ?? 5000),
    smtpUrl: env.SEXTANT_SMTP_URL?.trim() || null,
    mailFrom: env.SEXTANT_MAIL_FROM?.trim() || 'Sextant <no-reply@localhost>',
    production,
  };
}
