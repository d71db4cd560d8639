import { forbidden, unauthenticated } from '../errors.js';
import type { Principal } from './principal.js';
import type { TokenService } from './tokens.js';

/** A way to turn a bearer credential into a principal; returns null when it does not apply. */
export type CredentialStrategy = (credential: string) => Promise<Principal | null> | Principal | null;

export interface CredentialSource {
  authorization?: string | null;
  tenantHeader?: string | null;
}

/**
 * The only place that reads credentials. Tries each strategy in turn (JWT access token
 * first, then any registered extra strategy such as API keys). No credential means an
 * anonymous request; a credential nobody accepts is UNAUTHENTICATED.
 */
export class Authenticator {
  private readonly strategies: CredentialStrategy[];

  /**
   * `admit` may refuse a principal that authenticated (e.g. one of a suspended tenant) by
   * throwing; it runs for HTTP requests and WebSocket connections alike.
   */
  constructor(
    tokens: TokenService,
    extra: CredentialStrategy[] = [],
    private readonly admit?: (principal: Principal) => void,
  ) {
    const jwtStrategy: CredentialStrategy = (credential) =>
      credential.split('.').length === 3 ? tokens.verify(credential) : null;
    this.strategies = [jwtStrategy, ...extra];
  }

  async authenticate(source: CredentialSource): Promise<Principal | null> {
    const header = source.authorization?.trim();
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
    let principal: Principal | null = null;
    for (const strategy of this.strategies) {
      principal = await strategy(match[1]);
      if (principal) break;
    }
    if (!principal) throw unauthenticated('Invalid access token');
    this.admit?.(principal);
    const tenantHeader = source.tenantHeader?.trim();
    if (tenantHeader && tenantHeader !== principal.tenantId) {
      throw forbidden('X-Tenant-ID does not match the tenant of the access token');
    }
    return principal;
  }
}
