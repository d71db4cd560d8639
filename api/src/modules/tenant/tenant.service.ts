import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../platform/auth/principal.js';
import { TENANT_FILTER, type TenantFilterParams } from '../../platform/db/base.entity.js';
import { retriedTransaction } from '../../platform/db/retry.js';
import { badInput } from '../../platform/errors.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Tenant } from './tenant.entity.js';
import type { UpdateWorkspaceSettingsInput, WorkspaceSettings } from './tenant.types.js';

const toSettings = (t: Tenant): WorkspaceSettings => ({
  customersSeePriority: t.customersSeePriority,
  presetTags: t.presetTags ?? [],
  boardColumnsPerStatus: t.boardColumnsPerStatus,
  name: t.name,
  logoUrl: t.logoUrl,
  defaultLocale: t.defaultLocale,
  timezone: t.timezone ?? 'UTC',
  widgetColor: t.widgetColor,
  widgetGreeting: t.widgetGreeting,
  widgetGreetingIndonesian: t.widgetGreetingIndonesian,
});

/** Whether a string names an IANA timezone this runtime knows. */
export function isTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** One tag as the client writes tags: no accents, lower case, other characters as single dashes ("Investasi PMA/PMDN" → `investasi-pma-pmdn`). */
const normaliseTag = (raw: string): string =>
  raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');

/** Preset tags normalised, without repeats or empties, sorted. */
export const normalisePresetTags = (tags: string[]): string[] => [...new Set(tags.map(normaliseTag).filter(Boolean))].sort();

/** What other modules do when workspace settings change, in the same transaction; returns what to run after the commit. */
export interface WorkspaceHooks {
  timezoneChanged(tx: EntityManager): Promise<() => void>;
}

/** Workspace settings. The tenant is always the principal's own; tenants are global rows, keyed by that id. */
export class TenantService {
  constructor(private readonly hooks?: WorkspaceHooks) {}

  async settings(em: EntityManager, principal: Principal): Promise<WorkspaceSettings> {
    return toSettings(await em.findOneOrFail(Tenant, { id: principal.tenantId }));
  }

  /** The workspace's preset tags, for every staff member. */
  async presetTags(em: EntityManager, principal: Principal): Promise<string[]> {
    return (await em.findOneOrFail(Tenant, { id: principal.tenantId })).presetTags ?? [];
  }

  /** Whether the board shows a column per status, for every staff member. */
  async boardColumnsPerStatus(em: EntityManager, principal: Principal): Promise<boolean> {
    return (await em.findOneOrFail(Tenant, { id: principal.tenantId })).boardColumnsPerStatus;
  }

  async updateSettings(em: EntityManager, principal: Principal, input: UpdateWorkspaceSettingsInput): Promise<WorkspaceSettings> {
    let afterCommit = () => {};
    // A timezone change records an SLA recompute request, whose row can deadlock with another writer's (retried).
    const settings = await retriedTransaction(em, async (tx) => {
      afterCommit = () => {};
      const tenant = await tx.findOneOrFail(Tenant, { id: principal.tenantId });
      if (input.customersSeePriority !== undefined && input.customersSeePriority !== null) {
        tenant.customersSeePriority = input.customersSeePriority;
      }
      if (input.boardColumnsPerStatus !== undefined && input.boardColumnsPerStatus !== null) tenant.boardColumnsPerStatus = input.boardColumnsPerStatus;
      if (input.presetTags) tenant.presetTags = normalisePresetTags(input.presetTags);
      if (input.timezone !== undefined && input.timezone !== null) {
        if (!isTimezone(input.timezone)) throw badInput({ timezone: ['must be an IANA timezone such as Asia/Jakarta'] });
        const changed = (tenant.timezone ?? 'UTC') !== input.timezone;
        tenant.timezone = input.timezone;
        if (changed && this.hooks) afterCommit = await this.hooks.timezoneChanged(tx);
      }
      if (input.name) tenant.name = input.name.trim();
      if (input.logoUrl !== undefined && input.logoUrl !== null) tenant.logoUrl = orNull(input.logoUrl);
      if (input.defaultLocale) tenant.defaultLocale = input.defaultLocale;
      if (input.widgetColor !== undefined && input.widgetColor !== null) tenant.widgetColor = orNull(input.widgetColor)?.toLowerCase() ?? null;
      if (input.widgetGreeting !== undefined && input.widgetGreeting !== null) tenant.widgetGreeting = orNull(input.widgetGreeting);
      if (input.widgetGreetingIndonesian !== undefined && input.widgetGreetingIndonesian !== null) tenant.widgetGreetingIndonesian = orNull(input.widgetGreetingIndonesian);
      return toSettings(tenant);
    });
    afterCommit();
    return settings;
  }
}

/** The workspace a tenant-scoped EntityManager belongs to (null when it is not scoped). */
export async function scopedWorkspace(em: EntityManager): Promise<Tenant | null> {
  const tenantId = em.getFilterParams<TenantFilterParams>(TENANT_FILTER)?.tenantId;
  return tenantId ? em.findOne(Tenant, { id: tenantId }) : null;
}

/** Whether customers of a tenant see ticket priority (one lookup, for code without a request loader). */
export async function customersSeePriority(em: EntityManager, tenantId: string): Promise<boolean> {
  const tenant = await em.findOne(Tenant, { id: tenantId });
  return tenant?.customersSeePriority ?? false;
}

/** The same, cached for the request or subscription event. */
export function customersSeePriorityLoader(ctx: Pick<GraphQLContext, 'em' | 'loaders'>) {
  return ctx.loaders.get<string, boolean>('customersSeePriority', async (ids) => Promise.all(ids.map((id) => customersSeePriority(ctx.em, id))));
}
