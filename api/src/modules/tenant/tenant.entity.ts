import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../platform/db/base.entity.js';

export enum TenantStatus {
  /** In use. */
  ACTIVE = 'ACTIVE',
  /** Created by sign-up; becomes ACTIVE when its first admin verifies their email address. */
  PENDING = 'PENDING',
  /** Stopped by a platform operator: its users and API keys are refused until it is resumed. */
  SUSPENDED = 'SUSPENDED',
}

/** A customer organisation using Sociodesk. Global: tenants are what the filter scopes by. */
@Entity({ tableName: 'tenants' })
export class Tenant extends BaseEntity<
  | 'status'
  | 'suspendedAt'
  | 'customersSeePriority'
  | 'presetTags'
  | 'boardColumnsPerStatus'
  | 'logoUrl'
  | 'defaultLocale'
  | 'timezone'
  | 'widgetColor'
  | 'widgetGreeting'
  | 'widgetGreetingIndonesian'
> {
  @Property({ type: 'string', length: 64 })
  @Unique()
  slug: string;

  @Property({ type: 'string', length: 200 })
  name: string;

  // A string column validated in code (see Membership.role).
  @Property({ type: 'string', length: 16 })
  status: TenantStatus = TenantStatus.ACTIVE;

  @Property({ type: 'Date', length: 3, nullable: true })
  suspendedAt?: Date | null;

  /** Workspace setting: customers see their tickets' priority (tags stay staff-only regardless). */
  @Property({ type: 'boolean' })
  customersSeePriority: boolean = false;

  /** Workspace setting: the tags staff pick from (normalised like ticket tags); any other tag may still be typed. */
  @Property({ type: 'json', nullable: true })
  presetTags: string[] | null = [];

  /** Workspace setting: the board shows a column per status (the workspace's own too) instead of one per category. */
  @Property({ type: 'boolean' })
  boardColumnsPerStatus: boolean = false;

  /** Workspace profile: the logo shown in the header (an https URL). */
  @Property({ type: 'string', length: 500, nullable: true })
  logoUrl: string | null = null;

  /** Workspace profile: the language of new members and of server-made text for users without one (en or id). */
  @Property({ type: 'string', length: 8 })
  defaultLocale: string = 'en';

  /** Workspace profile: an IANA timezone (e.g. Asia/Jakarta); null = UTC. */
  @Property({ type: 'string', length: 64, nullable: true })
  timezone: string | null = null;

  /** Workspace profile: the chat widget's colour (#rrggbb) when its widget key sets none. */
  @Property({ type: 'string', length: 7, nullable: true })
  widgetColor: string | null = null;

  /** Workspace profile: the chat widget's greeting (English, and Bahasa Indonesia) when its widget key sets none. */
  @Property({ type: 'string', length: 300, nullable: true })
  widgetGreeting: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  widgetGreetingIndonesian: string | null = null;
}
