# syntax=docker/dockerfile:1
# Sociodesk: the GraphQL API serving the built web client, on port 4000.

# ---- build: install everything, build the client and compile the api --------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build -w client && npm run build -w api

# ---- deps: production dependencies of the api only ---------------------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY client/package.json client/
RUN npm ci --omit=dev --workspace api --no-audit --no-fund && npm cache clean --force

# ---- runtime ------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data \
    CLIENT_DIST=/app/client/dist
WORKDIR /app
COPY --from=deps /app ./
COPY --from=build /app/api/dist ./api/dist
# The tracing preload (it does nothing unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
COPY --from=build /app/api/src/instrumentation.mjs ./api/src/instrumentation.mjs
COPY --from=build /app/client/dist ./client/dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
VOLUME ["/app/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm run start:prod` (README, "Production"); CI checks that they agree.
CMD ["node", "--enable-source-maps", "--import", "./api/src/instrumentation.mjs", "api/dist/main.js"]
