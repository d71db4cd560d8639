import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { TokenService } from '../platform/auth/tokens.js';
import type { EntityClass } from '../platform/db/orm.js';
import { RefreshToken } from './auth/refresh-token.entity.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { AuthService } from './auth/auth.service.js';
import { Tenant } from './tenant/tenant.entity.js';
import { Membership } from './user/membership.entity.js';
import { UserResolver } from './user/user.resolver.js';
import { UserService } from './user/user.service.js';
import { User } from './user/user.entity.js';

/** Every entity the ORM knows about. */
export const entities: EntityClass[] = [Tenant, User, Membership, RefreshToken];

/** Every resolver class in the schema. */
export const resolvers = [AuthResolver, UserResolver] as const;

/** Root fields a user with a temporary password may still call. */
export const allowedWithTemporaryPassword = new Set(['me', 'changePassword', 'logout']);

export interface ModuleDeps {
  tokens: TokenService;
  refreshTtlDays: number;
  loginFailuresByEmail: RateLimiterAbstract;
  loginFailuresByIp: RateLimiterAbstract;
}

/** Wires services into resolvers; the result backs type-graphql's container. */
export function createModules(deps: ModuleDeps): Map<Function, object> {
  const auth = new AuthService({
    tokens: deps.tokens,
    refreshTtlDays: deps.refreshTtlDays,
    failuresByEmail: deps.loginFailuresByEmail,
    failuresByIp: deps.loginFailuresByIp,
  });
  const users = new UserService();
  return new Map<Function, object>([
    [AuthResolver, new AuthResolver(auth)],
    [UserResolver, new UserResolver(users)],
  ]);
}
