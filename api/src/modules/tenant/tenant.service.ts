import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../platform/auth/principal.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Tenant } from './tenant.entity.js';
import type { UpdateWorkspaceSettingsInput, WorkspaceSettings } from './tenant.types.js';

const toSettings = (t: Tenant): WorkspaceSettings => ({
  customersSeePriority: t.customersSeePriority,
  presetTags: t.presetTags ?? [],
  boardColumnsPerStatus: t.boardColumnsPerStatus,
});

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

/** Workspace settings. The tenant is always the principal's own; tenants are global rows, keyed by that id. */
export class TenantService {
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
    return em.transactional(async (tx) => {
      const tenant = await tx.findOneOrFail(Tenant, { id: principal.tenantId });
      if (input.customersSeePriority !== undefined && input.customersSeePriority !== null) {
        tenant.customersSeePriority = input.customersSeePriority;
      }
      if (input.boardColumnsPerStatus !== undefined && input.boardColumnsPerStatus !== null) tenant.boardColumnsPerStatus = input.boardColumnsPerStatus;
      if (input.presetTags) tenant.presetTags = normalisePresetTags(input.presetTags);
      return toSettings(tenant);
    });
  }
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
