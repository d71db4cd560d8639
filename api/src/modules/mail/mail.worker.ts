import { randomUUID } from 'node:crypto';
import { LockMode, type FilterQuery, type MikroORM } from '@mikro-orm/core';
import type { MailConfig } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import type { MailTransport } from '../../platform/mail/transport.js';
import { MailMessage, MailStatus } from './mail-message.entity.js';

const CLAIM_BATCH = 10;
/** How long a claim holds: longer than any SMTP conversation, short enough to recover from a crash. */
const CLAIM_MS = 120_000;

/** Exponential backoff with jitter: half the doubled delay is fixed, the other half random. */
export function mailRetryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay / 2 + (random() * delay) / 2);
}

/**
 * Sends the outbox. Runs on every instance; each pass claims due rows with a conditional
 * UPDATE (after SELECT ... FOR UPDATE SKIP LOCKED where the database has row locks), so each
 * attempt is made by exactly one instance, then sends them and records the result under the
 * same claim. Failures are retried with backoff up to MAIL_MAX_ATTEMPTS. The rows are global
 * (not tenant-owned), so no tenant scope is involved.
 */
export class MailWorker {
  private readonly instance = randomUUID();
  private claims = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly orm: MikroORM,
    private readonly transport: MailTransport,
    private readonly config: MailConfig,
    private readonly lockRows: boolean,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  start(): void {
    if (!this.config.pollMs) return;
    if (this.transport.kind === 'none') {
      this.logger.warn('SMTP_URL is not set: mail stays queued in the outbox and is not sent');
      return;
    }
    this.stopped = false;
    this.schedule(0);
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  /** One pass: claim and send up to one batch of due mail. */
  async runOnce(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        if ((await this.sendDue()) === CLAIM_BATCH) this.again = true;
      } catch (err) {
        // Nothing is lost: the rows stay due, and the next pass picks them up.
        this.logger.warn({ err: (err as Error).message }, 'mail worker pass failed; retrying at the next poll');
      }
    })();
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(this.again ? 0 : this.config.pollMs);
    this.again = false;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runOnce(), ms);
    this.timer.unref();
  }

  private dueWhere(now: Date): FilterQuery<MailMessage> {
    return { status: MailStatus.PENDING, nextAttemptAt: { $lte: now }, $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }] };
  }

  private async sendDue(): Promise<number> {
    const now = new Date(this.now());
    const token = `${this.instance}:${++this.claims}`;
    const em = this.orm.em.fork({ clear: true, useContext: false });
    await em.transactional(async (tx) => {
      const due = await tx.find(MailMessage, this.dueWhere(now), {
        fields: ['id'],
        orderBy: { nextAttemptAt: 'asc' },
        limit: CLAIM_BATCH,
        ...(this.lockRows ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
      });
      if (!due.length) return;
      // With row locks the selected rows are ours until commit, so the claim names them by
      // key alone; without them (SQLite, one writer at a time) it repeats the due condition.
      const picked = { id: { $in: due.map((d) => d.id) } };
      await tx.nativeUpdate(MailMessage, this.lockRows ? picked : { $and: [this.dueWhere(now), picked] }, {
        lockedBy: token,
        lockedUntil: new Date(now.getTime() + CLAIM_MS),
      });
    });
    const claimed = await em.fork({ clear: true }).find(MailMessage, { lockedBy: token });
    for (const mail of claimed) await this.attempt(mail, token);
    return claimed.length;
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
      const next = new Date(at.getTime() + mailRetryDelayMs(attempts, this.config.retryBaseMs, this.config.retryMaxDelayMs));
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
