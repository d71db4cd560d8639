import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Operator } from '../../platform/auth/auth.directive.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Viewer } from '../auth/auth.types.js';
import type { OperatorService } from './operator.service.js';
import { CreateTenantInput, PlatformTenant } from './operator.types.js';

@Resolver(() => Viewer)
export class OperatorResolver {
  constructor(private readonly operators: OperatorService) {}

  @Operator()
  @Query(() => [PlatformTenant], { description: 'Every tenant of this deployment (platform operators).' })
  tenants(@Arg('search', () => String, { nullable: true }) search: string | null, @Ctx() ctx: GraphQLContext): Promise<PlatformTenant[]> {
    return this.operators.list(ctx.em, search);
  }

  @Operator()
  @Mutation(() => PlatformTenant, { description: 'Creates a tenant with its first admin, who gets a mail.' })
  createTenant(@Arg('input', () => CreateTenantInput) input: CreateTenantInput, @Ctx() ctx: GraphQLContext): Promise<PlatformTenant> {
    return this.operators.create(ctx.em, input);
  }

  @Operator()
  @Mutation(() => PlatformTenant)
  renameTenant(@Arg('id', () => ID) id: string, @Arg('name', () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<PlatformTenant> {
    return this.operators.rename(ctx.em, id, name);
  }

  @Operator()
  @Mutation(() => PlatformTenant, { description: 'Refuses the tenant\u2019s users and API keys (FORBIDDEN, reason TENANT_SUSPENDED) and closes its sockets.' })
  suspendTenant(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PlatformTenant> {
    return this.operators.suspend(ctx.em, ctx.principal!, id);
  }

  @Operator()
  @Mutation(() => PlatformTenant)
  resumeTenant(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PlatformTenant> {
    return this.operators.resume(ctx.em, id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you are a platform operator (you may manage tenants).' })
  platformOperator(@Ctx() ctx: GraphQLContext): boolean {
    return ctx.principal?.kind === 'user' && ctx.principal.operator === true;
  }
}
