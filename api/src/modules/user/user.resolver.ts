import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { can, Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { CreateUserInput, UserFilter } from './user.inputs.js';
import type { UserService } from './user.service.js';
import { CreateUserPayload, UserConnection, UserType } from './user.types.js';

@Resolver(() => UserType)
export class UserResolver {
  constructor(private readonly service: UserService) {}

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.USERS_MANAGE })
  @Query(() => UserConnection, { description: 'Members of the current tenant.' })
  users(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.service.list(ctx.em, filter, first, after);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.TICKETS_READ })
  @Query(() => UserConnection, { description: 'Active customers of the current tenant, for opening a ticket on their behalf.' })
  customers(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true, description: 'Matches name or email.' }) search?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.service.customers(ctx.em, search?.slice(0, 100), first, after);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.USERS_MANAGE })
  @Mutation(() => CreateUserPayload, {
    description: 'Adds a member. A deactivated member answers CONFLICT with extensions.reason MEMBER_DEACTIVATED: use reactivateUser.',
  })
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext) {
    return this.service.create(ctx.em, input);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.USERS_MANAGE })
  @Mutation(() => UserType)
  updateUserRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role, { nullable: true, description: 'A built-in role; or leave it out and give customRoleId.' }) role: Role | null,
    @Caller() caller: Caller,
    @Arg('customRoleId', () => ID, { nullable: true, description: 'A custom role of this tenant (see `roles`).' }) customRoleId?: string | null,
  ) {
    return this.service.updateRole(caller.em, caller.principal, userId, role ?? null, customRoleId ?? null);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.USERS_MANAGE })
  @Mutation(() => UserType)
  deactivateUser(@Arg('userId', () => ID) userId: string, @Caller() caller: Caller) {
    return this.service.deactivate(caller.em, caller.principal, userId);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.USERS_MANAGE })
  @Mutation(() => UserType, { description: 'Lets a deactivated member of this tenant sign in again, with their role.' })
  reactivateUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext) {
    return this.service.reactivate(ctx.em, userId);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'The last sign-in to this tenant (admins only; null for others and when never).' })
  lastSignInAt(@Root() user: UserType, @Ctx() ctx: GraphQLContext): Date | null {
    return ctx.principal && can(ctx.principal, Permission.USERS_MANAGE) ? (user.lastSignInAt ?? null) : null;
  }
}
