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
export class Tenant extends BaseEntity<'status' | 'suspendedAt' | 'customersSeePriority' | 'presetTags' | 'boardColumnsPerStatus'> {
  @Property({ type: 'string', length: 64 })
  @Unique()
  slug: string;

  @Property({ type: 'string', length: 200 })
  name: string;

  // A string column validated in code (see Membership.role).
  @Property({ type: 'string', length: 16 })
  status: TenantStatus = TenantStatus.ACTIVE;

  @Property({ type: 'datetime', length: 3, nullable: true })
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
}
