import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { CreateUserInput, UserFilter } from './user.inputs.js';
import type { UserService } from './user.service.js';
import { CreateUserPayload, UserConnection, UserType } from './user.types.js';

@Resolver()
export class UserResolver {
  constructor(private readonly service: UserService) {}

  @Auth(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Members of the current tenant.' })
  users(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.service.list(ctx.em, filter, first, after);
  }

  @Auth(Role.ADMIN)
  @Mutation(() => CreateUserPayload)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext) {
    return this.service.create(ctx.em, input);
  }

  @Auth(Role.ADMIN)
  @Mutation(() => UserType)
  updateUserRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Caller() caller: Caller,
  ) {
    return this.service.updateRole(caller.em, caller.principal, userId, role);
  }

  @Auth(Role.ADMIN)
  @Mutation(() => UserType)
  deactivateUser(@Arg('userId', () => ID) userId: string, @Caller() caller: Caller) {
    return this.service.deactivate(caller.em, caller.principal, userId);
  }
}
