import type { Server } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import {
  GraphQLError,
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, handleProtocols, makeServer, type SubscribePayload } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { scopeForPrincipal } from '../db/scope.js';
import type { GraphQLContext, ServiceRegistry } from '../graphql/context.js';
import { bucketKey, chargedCost, type CostGate } from '../graphql/cost-plugin.js';
import { unsafeInputError } from '../graphql/input-guard.js';
import type { DocumentLimits } from '../graphql/limits.js';
import { Loaders } from '../graphql/loaders.js';
import type { Logger } from '../logger.js';
import { Backpressure } from './backpressure.js';
import { createGroupedSubscribe } from './grouped-subscribe.js';
import { resumes, sharableByRole, visibilityKey, type GroupingRules } from './grouping.js';

export interface ConnectionHooks {
  /** A socket of this principal was authenticated. */
  connected?(principal: Principal): void | Promise<void>;
  /** An authenticated socket closed. */
  disconnected?(principal: Principal): void | Promise<void>;
}

export interface WsServerOptions extends GroupingRules {
  schema: GraphQLSchema;
  httpServer: Server;
  orm: MikroORM;
  authenticator: Authenticator;
  logger: Logger;
  formatResult: (result: ExecutionResult) => ExecutionResult;
  hooks?: ConnectionHooks;
  services: ServiceRegistry;
  keepAliveMs?: number;
  /** The same document limits as HTTP: parser tokens, armor rules, introspection access. */
  limits: DocumentLimits;
  /** The same pricing and buckets as HTTP, for every socket operation. */
  costGate?: CostGate;
  /** Largest frame the server reads (like the HTTP body limit); larger frames close the socket (1009). */
  maxPayloadBytes: number;
  /** The @auth check of an operation for one subscriber (run for each member joining a group). */
  authorize?: (args: ExecutionArgs) => readonly GraphQLError[];
  /** Unsent bytes a socket may hold before it is closed as too slow (see backpressure.ts). */
  maxBufferedBytes?: number;
}

interface Extra {
  socket: WebSocket;
  ip: string;
  principal?: Principal | null;
}

/** A GraphQL context for one WebSocket operation; its EntityManager and loaders are made on first use. */
class WsContext implements GraphQLContext {
  private _em?: EntityManager;
  private _loaders?: Loaders;

  constructor(
    private readonly orm: MikroORM,
    readonly principal: Principal | null,
    readonly requestId: string,
    readonly ip: string,
    readonly logger: Logger,
    readonly services: ServiceRegistry,
  ) {}

  get em(): EntityManager {
    if (!this._em) {
      this._em = scopeForPrincipal(this.orm, this.principal);
    }
    return this._em;
  }

  get loaders(): Loaders {
    return (this._loaders ??= new Loaders());
  }

  socket?: WebSocket;
  subscriptionId?: string;
  /** What a query or mutation was charged, settled once it has run. */
  charge?: { key: string; requested: number };

  /** Each subscription event starts with a fresh identity map and fresh loaders. */
  refresh(): void {
    this._em = undefined;
    this._loaders = undefined;
  }
}

/** WebSocket close code 1012 "Service Restart": the client should reconnect (to another instance). */
export const SERVICE_RESTART = 1012;

/**
 * Writes a grouped subscription's shared, already-serialized result as a graphql-ws
 * `next` frame: the only per-subscriber work is one string concatenation and the send.
 * Sockets that fall too far behind are closed rather than buffered without limit.
 */
function frameWriter(socket: WebSocket, id: string, backpressure: Backpressure) {
  const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return {
    write(json: string): void {
      if (socket.readyState === socket.OPEN) backpressure.send(socket, `${prefix}${json}}`);
    },
  };
}

type TrackedSocket = WebSocket & { alive?: boolean; principal?: Principal };

/**
 * graphql-ws on the shared HTTP server at /graphql. Differences from the stock adapter:
 * one keep-alive sweep for all sockets instead of timers per socket, sockets closed when
 * their access token expires, parsed and validated documents cached, and grouped
 * subscription execution whose shared result is serialized once and written to each
 * member's socket directly.
 */
export function createWsServer(options: WsServerOptions) {
  const { schema, orm, authenticator, logger } = options;
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    handleProtocols,
    perMessageDeflate: false,
    maxPayload: options.maxPayloadBytes,
  });
  const backpressure = new Backpressure(options.maxBufferedBytes);
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const docIds = new WeakMap<DocumentNode, number>();
  let nextDocId = 1;
  let opCounter = 0;

  const grouped = createGroupedSubscribe(
    (args) => {
      const ctx = args.contextValue as WsContext;
      const doc = docIds.get(args.document);
      if (doc === undefined || resumes(args.document, args.operationName)) return null;
      // Staff share a group only for fields whose results depend on tenant and role alone.
      const shared = sharableByRole(options, args.document, args.operationName);
      return `${doc}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}|${visibilityKey(ctx.principal, shared)}`;
    },
    { format: options.formatResult, admit: options.authorize },
  );

  function documentFor(query: string): DocumentNode | readonly GraphQLError[] {
    let doc = documents.get(query);
    if (doc) return doc;
    if (typeof query !== 'string') return [new GraphQLError('The query must be a string', { extensions: { code: 'BAD_REQUEST' } })];
    doc = options.limits.prepare(query);
    if (documents.size >= 2000) documents.delete(documents.keys().next().value!);
    documents.set(query, doc);
    if (!Array.isArray(doc)) docIds.set(doc as DocumentNode, nextDocId++);
    return doc;
  }

  // Acknowledged connections, for counting their active operations (the metrics read it).
  const contexts = new Set<{ subscriptions: Record<string, unknown> }>();
  const server = makeServer<Record<string, unknown>, Extra>({
    schema,
    onConnect: async (ctx) => {
      contexts.add(ctx);
      const params = ctx.connectionParams ?? {};
      try {
        ctx.extra.principal = await authenticator.authenticate({
          authorization: (params.authorization ?? params.Authorization) as string | undefined,
          tenantHeader: (params['x-tenant-id'] ?? params['X-Tenant-ID']) as string | undefined,
        });
      } catch (error) {
        const code = (error as GraphQLError).extensions?.code === 'FORBIDDEN' ? CloseCode.Forbidden : CloseCode.Unauthorized;
        ctx.extra.socket.close(code, ((error as Error).message || 'Unauthorized').slice(0, 120));
        return false;
      }
      if (ctx.extra.principal) {
        (ctx.extra.socket as TrackedSocket).principal = ctx.extra.principal;
        await options.hooks?.connected?.(ctx.extra.principal);
      }
      return true;
    },
    onClose: async (ctx) => {
      contexts.delete(ctx);
      if (ctx.extra.principal && ctx.acknowledged) await options.hooks?.disconnected?.(ctx.extra.principal);
    },
    onSubscribe: async (ctx, id, payload: SubscribePayload) => {
      const principal = ctx.extra.principal ?? null;
      const doc = documentFor(payload.query);
      if (Array.isArray(doc)) {
        if (!options.limits.hideSuggestions(principal)) return doc as GraphQLError[];
        return (doc as GraphQLError[]).map((e) => new GraphQLError(options.limits.maskSuggestions(e.message), { extensions: e.extensions }));
      }
      const admitted = await admitOperation(doc as DocumentNode, payload, principal, ctx.extra.ip);
      if (Array.isArray(admitted)) return admitted;
      const contextValue = new WsContext(orm, principal, `ws-${++opCounter}`, ctx.extra.ip, logger, options.services);
      contextValue.socket = ctx.extra.socket;
      contextValue.subscriptionId = id;
      // Subscriptions pay once, when they start; their events are not charged.
      if (admitted && getOperationAST(doc as DocumentNode, payload.operationName)?.operation !== 'subscription') contextValue.charge = admitted;
      return {
        schema,
        document: doc as DocumentNode,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue,
      } satisfies ExecutionArgs;
    },
    subscribe: (args) => {
      const ctx = args.contextValue as WsContext;
      return grouped.subscribe(args, frameWriter(ctx.socket!, ctx.subscriptionId!, backpressure));
    },
    onOperation: async (_ctx, _id, _payload, args, result) => {
      // Queries and mutations: give back what the estimate charged beyond what ran.
      const charge = (args.contextValue as WsContext).charge;
      if (!charge || !options.costGate || Symbol.asyncIterator in result) return;
      const operation = getOperationAST(args.document, args.operationName) ?? undefined;
      const actual = chargedCost(charge.requested, result as ExecutionResult, operation, true);
      await options.costGate.settle(charge.key, charge.requested, actual);
    },
    onNext: (_ctx, _id, _payload, _args, result) => options.formatResult(result),
    onError: (_ctx, _id, _payload, errors) =>
      (options.formatResult({ errors }).errors ?? []) as unknown as readonly GraphQLError[],
  });

  /**
   * What HTTP checks before an operation runs, for a socket operation: clean text, one
   * operation to run, introspection access, then its price taken from the caller's bucket.
   * Returns the errors that refuse it (with their codes), or what it was charged.
   */
  async function admitOperation(
    document: DocumentNode,
    payload: SubscribePayload,
    principal: Principal | null,
    ip: string,
  ): Promise<GraphQLError[] | { key: string; requested: number } | null> {
    const fail = (error: GraphQLError) => [error];
    const unsafe = unsafeInputError(document, payload.variables);
    if (unsafe) return fail(unsafe);
    if (!getOperationAST(document, payload.operationName)) {
      return fail(new GraphQLError('Unable to identify the operation to run', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }));
    }
    const introspection = options.limits.introspectionError(document, principal);
    if (introspection) return fail(introspection);
    if (!options.costGate) return null;
    try {
      const requested = options.costGate.price(document, payload.operationName, payload.variables);
      const key = bucketKey({ principal, ip });
      const { taken } = await options.costGate.take(key, requested);
      return taken ? { key, requested } : null;
    } catch (error) {
      return fail(error as GraphQLError);
    }
  }

  wss.on('connection', (socket, request) => {
    const extra: Extra = { socket, ip: request.socket.remoteAddress ?? 'unknown' };
    (socket as TrackedSocket).alive = true;
    socket.on('pong', () => ((socket as TrackedSocket).alive = true));
    socket.on('error', (err) => logger.warn({ err: err.message }, 'websocket error'));
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => new Promise<void>((resolve, reject) => void backpressure.send(socket, data, (err) => (err ? reject(err) : resolve()))),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', (message) => {
            cb(String(message)).catch((err: unknown) => {
              logger.error({ err }, 'websocket message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      extra,
    );
    socket.once('close', (code, reason) => void closed(code, String(reason)));
  });

  const keepAlive = setInterval(() => {
    const now = Date.now();
    for (const client of wss.clients) {
      const socket = client as TrackedSocket;
      if (!socket.alive) {
        socket.terminate();
        continue;
      }
      socket.alive = false;
      socket.ping();
      const principal = socket.principal;
      if (principal && principal.expiresAt.getTime() <= now) {
        socket.close(CloseCode.Unauthorized, principal.kind === 'apiKey' ? 'API key expired' : 'Access token expired');
      }
    }
  }, options.keepAliveMs ?? 15_000);
  keepAlive.unref();

  return {
    wss,
    groups: grouped.groups,
    /** Closes every socket whose principal matches (e.g. those of a revoked API key). */
    closeWhere(match: (principal: Principal) => boolean, code: number, reason: string): number {
      let closed = 0;
      for (const client of wss.clients) {
        const principal = (client as TrackedSocket).principal;
        if (principal && match(principal)) {
          client.close(code, reason);
          closed++;
        }
      }
      return closed;
    },
    /** Active operations (mostly subscriptions) over all acknowledged connections. */
    operations(): number {
      let n = 0;
      for (const ctx of contexts) n += Object.keys(ctx.subscriptions).length;
      return n;
    },
    /**
     * Shutdown: closes every socket with 1012 (service restart), which clients treat as
     * "reconnect", so they move to another instance and resume; waits (bounded) for them to go.
     */
    async close(waitMs = 2000) {
      clearInterval(keepAlive);
      for (const client of wss.clients) client.close(SERVICE_RESTART, 'Service restart: reconnect');
      const deadline = Date.now() + waitMs;
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
