import { forbidden } from '../../platform/errors.js';
import { TenantStatus } from './tenant.entity.js';

export const TENANT_SUSPENDED = 'TENANT_SUSPENDED';
export const TENANT_PENDING = 'EMAIL_NOT_VERIFIED';

/** FORBIDDEN with a reason the client shows: a suspended workspace, or one not yet verified. */
export function tenantClosedError(status: TenantStatus) {
  return status === TenantStatus.SUSPENDED
    ? forbidden('This workspace has been suspended by the platform operator', { reason: TENANT_SUSPENDED })
    : forbidden('Confirm your email address first: we sent you a link', { reason: TENANT_PENDING });
}

/** Sessions are only issued for active tenants. */
export function assertTenantOpen(tenant: { status: TenantStatus }): void {
  if (tenant.status !== TenantStatus.ACTIVE) throw tenantClosedError(tenant.status);
}
