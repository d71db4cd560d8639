import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import { TENANT_FILTER, TenantOwnedEntity, type TenantFilterParams } from './base.entity.js';

/**
 * Stamps the tenant of the current EntityManager on every new tenant-owned row, and
 * refuses writes that would cross tenants. Together with the default-on filter, this
 * makes tenant scoping structural instead of a convention.
 */
export class TenantGuard implements EventSubscriber {
  private tenantOf(args: EventArgs<unknown>): string | undefined {
    const params = args.em.getFilterParams<TenantFilterParams>(TENANT_FILTER);
    return params?.tenantId;
  }

  beforeCreate(args: EventArgs<unknown>): void {
    const entity = args.entity;
    if (!(entity instanceof TenantOwnedEntity)) return;
    const tenantId = this.tenantOf(args);
    if (!entity.tenantId) {
      if (!tenantId) throw new Error(`Refusing to create ${entity.constructor.name} without a tenant scope`);
      entity.tenantId = tenantId;
    } else if (tenantId && entity.tenantId !== tenantId) {
      throw new Error(`Refusing to create ${entity.constructor.name} in another tenant`);
    }
  }

  beforeUpdate(args: EventArgs<unknown>): void {
    const entity = args.entity;
    if (!(entity instanceof TenantOwnedEntity)) return;
    const tenantId = this.tenantOf(args);
    if (tenantId && entity.tenantId !== tenantId) {
      throw new Error(`Refusing to update ${entity.constructor.name} of another tenant`);
    }
  }
}
