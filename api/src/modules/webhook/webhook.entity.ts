import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/**
 * A URL an admin registered to receive ticket events. `cursorSeq` is the last event seq the
 * dispatcher turned into deliveries: advanced in the same transaction that writes them, so
 * a crash or restart neither loses nor repeats an event.
 */
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpoint extends TenantOwnedEntity<'enabled' | 'disabledAt' | 'disabledReason' | 'failingSince'> {
  @Property({ type: 'string', length: 2000 })
  url: string;

  /** Event types to deliver; empty means all. */
  @Property({ type: 'json' })
  eventTypes: string[];

  /** The HMAC key. It must be readable to sign, so it is stored as issued and never shown again. */
  @Property({ type: 'string', length: 64, hidden: true })
  secret: string;

  @Property({ type: 'string', length: 36 })
  createdById: string;

  @Property({ type: 'bigint', runtimeType: 'number' })
  cursorSeq: number;

  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Property({ type: 'Date', length: 3, nullable: true })
  disabledAt: Date | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  disabledReason: string | null = null;

  /** Start of the current run of failed attempts; null after a success. */
  @Property({ type: 'Date', length: 3, nullable: true })
  failingSince: Date | null = null;
}

/**
 * One event for one endpoint: the outbox row the workers claim, attempt and retry. Its id
 * is the `X-Sociodesk-Delivery` header, the same on every attempt.
 */
@Entity({ tableName: 'webhook_deliveries' })
@Unique({ properties: ['endpointId', 'eventId'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class WebhookDelivery extends TenantOwnedEntity<
  'status' | 'attempts' | 'lockedUntil' | 'lockedBy' | 'lastAttemptAt' | 'responseStatus' | 'latencyMs' | 'lastError' | 'deliveredAt'
> {
  @Property({ type: 'string', length: 36 })
  endpointId: string;

  @Property({ type: 'string', length: 36 })
  eventId: string;

  @Property({ type: 'bigint', runtimeType: 'number' })
  eventSeq: number;

  @Property({ type: 'string', length: 32 })
  eventType: string;

  @Property({ type: 'string', length: 16 })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'Date', length: 3 })
  nextAttemptAt: Date;

  /** Retries stop (and the endpoint is disabled) once an attempt fails after this time. */
  @Property({ type: 'Date', length: 3 })
  giveUpAt: Date;

  @Property({ type: 'Date', length: 3, nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  lockedBy: string | null = null;

  @Property({ type: 'Date', length: 3, nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  responseStatus: number | null = null;

  @Property({ type: 'integer', nullable: true })
  latencyMs: number | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError: string | null = null;

  @Property({ type: 'Date', length: 3, nullable: true })
  deliveredAt: Date | null = null;
}
