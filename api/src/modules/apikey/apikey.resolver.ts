import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import type { ApiKeyService } from './apikey.service.js';
import { ApiKeyType, CreateApiKeyInput, CreateApiKeyPayload } from './apikey.types.js';

@Resolver()
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.APIKEYS_MANAGE })
  @Query(() => [ApiKeyType], { description: 'API keys of this tenant, newest first, revoked ones included.' })
  apiKeys(@Ctx() ctx: GraphQLContext) {
    return this.keys.list(ctx.em);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.APIKEYS_MANAGE })
  @Mutation(() => CreateApiKeyPayload, { description: 'Issues a key for a partner integration. The secret is returned only here.' })
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Caller() caller: Caller) {
    return this.keys.create(caller.em, caller.principal, input);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.APIKEYS_MANAGE })
  @Mutation(() => ApiKeyType, { description: 'Revokes a key at once; its open WebSocket connections close with 4401.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.keys.revoke(ctx.em, id);
  }
}
