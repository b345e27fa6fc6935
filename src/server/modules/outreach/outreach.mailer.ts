import type { Transporter } from 'nodemailer';
import { loadConfig } from '../../config.js';

/** Where outgoing email goes: an SMTP URL (null: email is not sent) and the sender. */
export interface MailerSettings {
  smtpUrl: string | null;
  from: string;
}

let settings: MailerSettings | null = null;
let transport: { url: string; transporter: Transporter } | null = null;

/**
 * Sets the mail server the app sends through (the app calls it with its configuration; tests point it
 * at a local SMTP server). Until it is called, the environment (`SEXTANT_SMTP_URL`, `SEXTANT_MAIL_FROM`) decides.
 */
export function configureMailer(next: MailerSettings): void {
  settings = { smtpUrl: next.smtpUrl || null, from: next.from };
  if (transport && transport.url !== settings.smtpUrl) {
    transport.transporter.close();
    transport = null;
  }
}

/** The settings in force. */
export function mailerSettings(): MailerSettings {
  if (settings) return settings;
  const config = loadConfig();
  return { smtpUrl: config.smtpUrl, from: config.mailFrom };
}

/** True when an SMTP server is configured, so email is queued to be sent (otherwise it is kept as skipped). */
export function mailEnabled(): boolean {
  return Boolean(mailerSettings().smtpUrl);
}

async function transporterFor(url: string): Promise<Transporter> {
  if (transport?.url !== url) {
    // Loaded on the first message, not at start (a server without SMTP never needs it).
    const { default: nodemailer } = await import('nodemailer');
    // Another message may have made it while the module loaded.
    if (transport?.url !== url) {
      transport?.transporter.close();
      // Short timeouts: a job holds its lease while it sends, and the worker retries a failure later.
      transport = { url, transporter: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
    }
  }
  return transport!.transporter;
}

/** Sends one plain-text message through the configured server; throws when it is refused or unreachable. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<{ messageId: string }> {
  const { smtpUrl, from } = mailerSettings();
  if (!smtpUrl) throw new Error('no SMTP server is configured (SEXTANT_SMTP_URL)');
  const info = await (await transporterFor(smtpUrl)).sendMail({ from, to: message.to, subject: message.subject, text: message.text });
  return { messageId: String(info.messageId ?? '') };
}
