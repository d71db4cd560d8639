import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../config.js';

export interface OutgoingMail {
  /** Stable id of the outbox row: sent as a header so a receiver can drop duplicates. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
}

/**
 * Where mail goes. `smtp`: through nodemailer to SMTP_URL. `mailbox`: nowhere: in development
 * the outbox rows themselves are the dev mailbox (/dev/mailbox). `none`: production without
 * SMTP_URL, so mail stays queued until a server is configured.
 */
export interface MailTransport {
  kind: 'smtp' | 'mailbox' | 'none';
  send(mail: OutgoingMail): Promise<{ transportId: string }>;
  close(): void;
}

export function createMailTransport(config: MailConfig): MailTransport {
  if (!config.smtpUrl) {
    return {
      kind: config.devMailbox ? 'mailbox' : 'none',
      async send(mail) {
        if (!config.devMailbox) throw new Error('No SMTP_URL configured');
        return { transportId: `mailbox:${mail.id}` };
      },
      close() {},
    };
  }
  // Options such as ?ignoreTLS=true or ?pool=true may ride on the URL's query string.
  const transporter: Transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'X-Sociodesk-Mail-Id': mail.id, 'Content-Language': mail.locale },
      });
      return { transportId: String(info.messageId ?? '') };
    },
    close: () => transporter.close(),
  };
}
