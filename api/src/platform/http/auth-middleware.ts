import type { NextFunction, Request, Response } from 'express';
import type { Authenticator } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { requestScope } from '../logger.js';

declare module 'express-serve-static-core' {
  interface Locals {
    principal?: Principal | null;
  }
}

/** Resolves the principal once per HTTP request; a bad credential fails the whole request. */
export function authMiddleware(authenticator: Authenticator) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      res.locals.principal = await authenticator.authenticate({
        authorization: req.header('authorization'),
        tenantHeader: req.header('x-tenant-id'),
      });
      const scope = requestScope.getStore();
      if (scope) scope.principalKind = res.locals.principal?.kind ?? 'anonymous';
      next();
    } catch (error) {
      const extensions = (error as { extensions?: { code?: string; reason?: string } }).extensions;
      const code = extensions?.code ?? 'UNAUTHENTICATED';
      // `reason` tells a client why it is refused (e.g. TENANT_SUSPENDED).
      const reason = extensions?.reason ? { reason: extensions.reason } : {};
      res.status(code === 'FORBIDDEN' ? 403 : 401).json({
        errors: [{ message: (error as Error).message, extensions: { code, ...reason, requestId: requestScope.getStore()?.requestId } }],
      });
    }
  };
}
