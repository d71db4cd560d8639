// OpenTelemetry tracing, preloaded before the app: `node --import ./api/src/instrumentation.mjs …`.
// Off unless OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set; then spans
// for HTTP requests (in and out: webhook calls), Express, GraphQL operations and resolvers, SQL
// (knex, under MikroORM; mysql2) and Redis go to that OTLP/HTTP endpoint. The standard OTEL_*
// variables apply (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, …).
const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;

if (endpoint) {
  const { register } = await import('node:module');
  // The ESM loader hook first, so the instrumentations can patch modules loaded through `import`.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const { HttpInstrumentation } = await import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation } = await import('@opentelemetry/instrumentation-express');
  const { GraphQLInstrumentation } = await import('@opentelemetry/instrumentation-graphql');
  const { IORedisInstrumentation } = await import('@opentelemetry/instrumentation-ioredis');
  const { KnexInstrumentation } = await import('@opentelemetry/instrumentation-knex');
  const { MySQL2Instrumentation } = await import('@opentelemetry/instrumentation-mysql2');

  const quiet = new Set(['/healthz', '/readyz', '/metrics']);
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME || 'sociodesk-api',
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => quiet.has((req.url ?? '').split('?')[0]),
        // The request id (made or accepted by the API) on the request's span, as in the logs.
        applyCustomAttributesOnSpan: (span, _req, res) => {
          const id = typeof res.getHeader === 'function' ? res.getHeader('x-request-id') : undefined;
          if (id) span.setAttribute('sociodesk.request_id', String(id));
        },
      }),
      new ExpressInstrumentation({ ignoreLayersType: ['middleware'] }),
      // One span per operation (parse, validate, execute) and per non-trivial resolver; list items merged.
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true, allowValues: false }),
      new IORedisInstrumentation(),
      new KnexInstrumentation(),
      new MySQL2Instrumentation(),
    ],
  });
  sdk.start();
  // main.ts flushes the last spans on shutdown through this.
  globalThis[Symbol.for('sociodesk.telemetry.shutdown')] = () => sdk.shutdown();
}
