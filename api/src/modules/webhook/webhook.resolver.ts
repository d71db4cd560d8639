import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { DeliveryStatus } from './webhook.entity.js';
import type { WebhookService } from './webhook.service.js';
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookEndpointType,
} from './webhook.types.js';

@Resolver()
export class WebhookResolver {
  constructor(private readonly webhooks: WebhookService) {}

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.WEBHOOKS_MANAGE })
  @Query(() => [WebhookEndpointType], { description: 'Webhook endpoints of this tenant.' })
  webhookEndpoints(@Ctx() ctx: GraphQLContext) {
    return this.webhooks.list(ctx.em);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.WEBHOOKS_MANAGE })
  @Mutation(() => CreateWebhookEndpointPayload, { description: 'Registers an endpoint for events committed from now on. The secret is returned only here.' })
  createWebhookEndpoint(@Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Caller() caller: Caller) {
    return this.webhooks.create(caller.em, caller.principal, input);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.WEBHOOKS_MANAGE })
  @Mutation(() => Boolean, { description: 'Deletes an endpoint and its delivery log.' })
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.delete(ctx.em, id);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.WEBHOOKS_MANAGE })
  @Mutation(() => WebhookEndpointType, { description: 'Re-enables a disabled endpoint; events since it was disabled are delivered.' })
  enableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.enable(ctx.em, id);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.WEBHOOKS_MANAGE })
  @Query(() => WebhookDeliveryConnection, { description: 'The delivery log, newest first.' })
  webhookDeliveries(
    @Ctx() ctx: GraphQLContext,
    @Arg('endpointId', () => ID, { nullable: true }) endpointId?: string,
    @Arg('status', () => DeliveryStatus, { nullable: true }) status?: DeliveryStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.webhooks.deliveries(ctx.em, { endpointId, status }, first, after);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.WEBHOOKS_MANAGE })
  @Mutation(() => WebhookDeliveryType, { description: 'Sends a delivery again (same X-Sociodesk-Delivery id), with a fresh retry window.' })
  redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.redeliver(ctx.em, deliveryId);
  }
}
