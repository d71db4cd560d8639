import helmet from 'helmet';

/**
 * Security headers (helmet) for everything the API serves, the web client included. The
 * Content-Security-Policy allows only this origin, with what the client needs on top:
 * Mantine's and Monaco's inline styles, Monaco's web workers (GraphiQL, from our own bundle or
 * blob: URLs), data: fonts and images, and the WebSocket back to this host. HSTS only in
 * production (behind TLS).
 */
export function securityHeaders(production: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    // The web client loads nothing from other origins; uploads are downloaded, not embedded.
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: production ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
