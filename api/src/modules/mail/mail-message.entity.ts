import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../platform/db/base.entity.js';

export enum MailStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Gave up after the last retry. */
  FAILED = 'FAILED',
}

/**
 * One outgoing mail in the outbox. Written in the same transaction as the change that causes
 * it, already rendered in the recipient's language, and sent by the mail worker. Global: mail
 * goes to identities (password resets happen before any tenant scope); `workspaceId` records
 * the workspace it is about, if any.
 */
@Entity({ tableName: 'mail_messages' })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class MailMessage extends BaseEntity<
  'status' | 'attempts' | 'lockedBy' | 'lockedUntil' | 'lastError' | 'sentAt' | 'transportId' | 'workspaceId'
> {
  /** The template, e.g. PASSWORD_RESET. */
  @Property({ type: 'string', length: 40 })
  template: string;

  @Property({ type: 'string', length: 254 })
  recipient: string;

  @Property({ type: 'string', length: 8 })
  locale: string;

  @Property({ type: 'string', length: 300 })
  subject: string;

  @Property({ type: 'text' })
  text: string;

  @Property({ type: 'text' })
  html: string;

  @Property({ type: 'string', length: 36, nullable: true })
  workspaceId?: string | null;

  @Property({ type: 'string', length: 16 })
  status: MailStatus = MailStatus.PENDING;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'Date', length: 3 })
  nextAttemptAt: Date;

  /** Claim of the instance attempting it (instance id and claim number). */
  @Property({ type: 'string', length: 80, nullable: true })
  lockedBy?: string | null;

  @Property({ type: 'Date', length: 3, nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;

  @Property({ type: 'Date', length: 3, nullable: true })
  sentAt?: Date | null;

  /** The Message-ID the SMTP server accepted, or the dev mailbox's id. */
  @Property({ type: 'string', length: 255, nullable: true })
  transportId?: string | null;
}
