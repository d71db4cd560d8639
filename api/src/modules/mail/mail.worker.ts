import type { MikroORM } from '@mikro-orm/core';
import type { MailConfig } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import type { MailTransport } from '../../platform/mail/transport.js';
import { claimDue, ClaimTokens, outboxStats, PollingWorker, retryDelayMs } from '../../platform/outbox/outbox.js';
import { MailMessage, MailStatus } from './mail-message.entity.js';

const CLAIM_BATCH = 10;
/** How long a claim holds: longer than any SMTP conversation, short enough to recover from a crash. */
const CLAIM_MS = 120_000;

/**
 * Sends the outbox. Runs on every instance; each pass claims due rows (see claimDue), so each
 * attempt is made by exactly one instance, then sends them and records the result under the
 * same claim. Failures are retried with backoff up to MAIL_MAX_ATTEMPTS. The rows are global
 * (not tenant-owned), so no tenant scope is involved.
 */
export class MailWorker extends PollingWorker {
  private readonly tokens = new ClaimTokens();

  constructor(
    private readonly orm: MikroORM,
    private readonly transport: MailTransport,
    private readonly config: MailConfig,
    private readonly lockRows: boolean,
    logger: Logger,
    private readonly now: () => number,
  ) {
    super('mail worker', config.pollMs, logger);
  }

  /** The outbox for the metrics: mails waiting to be sent (due or retrying) and the oldest one's age. */
  async outbox(): Promise<{ outbox: string; depth: number; oldestAgeSeconds: number }> {
    return outboxStats(this.orm.em.fork({ clear: true, useContext: false }), MailMessage, 'mail', { status: MailStatus.PENDING }, this.now());
  }

  override start(): void {
    if (!this.config.pollMs) return;
    if (this.transport.kind === 'none') {
      this.logger.warn('SMTP_URL is not set: mail stays queued in the outbox and is not sent');
      return;
    }
    super.start();
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.transport.close();
  }

  /** One pass: claim and send up to one batch of due mail. */
  protected async pass(): Promise<boolean> {
    const now = new Date(this.now());
    const token = this.tokens.next();
    const claimed = await claimDue(this.orm.em.fork({ clear: true, useContext: false }), MailMessage, token, {
      due: { status: MailStatus.PENDING, nextAttemptAt: { $lte: now } },
      now,
      limit: CLAIM_BATCH,
      lockedUntil: new Date(now.getTime() + CLAIM_MS),
      lockRows: this.lockRows,
    });
    for (const mail of claimed) await this.attempt(mail, token);
    return claimed.length === CLAIM_BATCH;
  }

  private async attempt(mail: MailMessage, token: string): Promise<void> {
    const em = this.orm.em.fork({ clear: true, useContext: false });
    const mine = { id: mail.id, lockedBy: token };
    const attempts = mail.attempts + 1;
    try {
      const { transportId } = await this.transport.send({
        id: mail.id,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        locale: mail.locale,
      });
      const at = new Date(this.now());
      await em.nativeUpdate(MailMessage, mine, { status: MailStatus.SENT, attempts, sentAt: at, transportId, lockedBy: null, lockedUntil: null, lastError: null });
    } catch (err) {
      const at = new Date(this.now());
      const lastError = ((err as Error).message || 'send failed').slice(0, 500);
      const giveUp = attempts >= this.config.maxAttempts;
      const next = new Date(at.getTime() + retryDelayMs(attempts, this.config.retryBaseMs, this.config.retryMaxDelayMs));
      await em.nativeUpdate(MailMessage, mine, {
        attempts,
        lastError,
        lockedBy: null,
        lockedUntil: null,
        ...(giveUp ? { status: MailStatus.FAILED } : { nextAttemptAt: next }),
      });
      this.logger.warn({ mailId: mail.id, template: mail.template, attempts, err: lastError, gaveUp: giveUp }, 'mail not sent');
    }
  }
}
