import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

/** A team that answers chats (Perizinan Usaha, Teknis …). Agents belong to any number of them. */
@Entity({ tableName: 'chat_departments' })
@Unique({ properties: ['tenantId', 'name'] })
export class Department extends TenantOwnedEntity {
  @Property({ type: 'string', length: 80 })
  name: string;
}

@Entity({ tableName: 'chat_department_members' })
@Unique({ properties: ['tenantId', 'departmentId', 'userId'] })
export class DepartmentMember extends TenantOwnedEntity {
  @Property({ type: 'string', length: 36 })
  departmentId: string;

  @Property({ type: 'string', length: 36, index: true })
  userId: string;
}

/**
 * The public key a website embeds. `key` is found before the tenant is known (it is not a
 * secret: the allowed origins and the abuse limits protect it); `identitySecret` signs
 * visitor ids (HMAC-SHA256) when identity verification is on.
 */
@Entity({ tableName: 'chat_widget_keys' })
export class WidgetKey extends TenantOwnedEntity<'departmentId' | 'color' | 'greeting' | 'identitySecret' | 'requireIdentity' | 'revokedAt'> {
  @Property({ type: 'string', length: 100 })
  name: string;

  @Property({ type: 'string', length: 40 })
  @Unique()
  key: string;

  @Property({ type: 'json' })
  allowedOrigins: string[];

  @Property({ type: 'string', length: 36, nullable: true })
  departmentId: string | null = null;

  @Property({ type: 'string', length: 7 })
  color: string = '#228be6';

  @Property({ type: 'string', length: 300, nullable: true })
  greeting: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  identitySecret: string | null = null;

  @Property({ type: 'boolean' })
  requireIdentity: boolean = false;

  @Property({ type: 'Date', length: 3, nullable: true })
  revokedAt: Date | null = null;
}

/** An agent's routing settings: how many active chats at once, and when they last got one. */
@Entity({ tableName: 'chat_agents' })
@Unique({ properties: ['tenantId', 'userId'] })
export class ChatAgent extends TenantOwnedEntity<'capacity' | 'lastAssignedAt'> {
  @Property({ type: 'string', length: 36 })
  userId: string;

  @Property({ type: 'integer' })
  capacity: number = 3;

  @Property({ type: 'Date', length: 3, nullable: true })
  lastAssignedAt: Date | null = null;
}

/**
 * A live chat: the visitor's details beside its ticket (channel CHAT). Its state is a view
 * of the ticket: waiting = OPEN and unassigned, active = IN_PROGRESS and assigned, closed =
 * CLOSED. `queued` marks a chat routing still has to place; `offline` one that became a
 * normal ticket because nobody could take it.
 */
@Entity({ tableName: 'chats' })
@Index({ properties: ['tenantId', 'queued'] })
export class Chat extends TenantOwnedEntity<
  'departmentId' | 'company' | 'pageUrl' | 'queued' | 'offline' | 'visitorReadAt' | 'agentReadAt' | 'rating' | 'ratingComment' | 'visitorId' | 'locale'
> {
  @Property({ type: 'string', length: 36 })
  @Unique()
  ticketId: string;

  @Property({ type: 'string', length: 36 })
  widgetKeyId: string;

  @Property({ type: 'string', length: 36, nullable: true })
  departmentId: string | null = null;

  /** The customer member the visitor's e-mail belongs to (created on the first chat). */
  @Property({ type: 'string', length: 36 })
  customerId: string;

  @Property({ type: 'string', length: 100 })
  visitorName: string;

  @Property({ type: 'string', length: 254 })
  visitorEmail: string;

  @Property({ type: 'string', length: 120, nullable: true })
  company: string | null = null;

  @Property({ type: 'string', length: 200 })
  topic: string;

  @Property({ type: 'string', length: 64 })
  ip: string;

  @Property({ type: 'string', length: 400 })
  userAgent: string;

  @Property({ type: 'string', length: 500, nullable: true })
  pageUrl: string | null = null;

  /** The website's own id of a verified visitor (identity verification). */
  @Property({ type: 'string', length: 128, nullable: true })
  visitorId: string | null = null;

  @Property({ type: 'string', length: 64, hidden: true })
  @Unique()
  tokenHash: string;

  /** The widget's language (`en` or `id`): system messages to the visitor use it. */
  @Property({ type: 'string', length: 8 })
  locale: string = 'en';

  @Property({ type: 'boolean' })
  queued: boolean = true;

  @Property({ type: 'boolean' })
  offline: boolean = false;

  @Property({ type: 'Date', length: 3, nullable: true })
  visitorReadAt: Date | null = null;

  @Property({ type: 'Date', length: 3, nullable: true })
  agentReadAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  rating: number | null = null;

  @Property({ type: 'string', length: 1000, nullable: true })
  ratingComment: string | null = null;
}
