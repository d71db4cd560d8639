import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { ALL_PERMISSIONS, Permission, PERMISSIONS } from '../../platform/auth/permissions.js';
import { Role } from '../../platform/auth/principal.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { UserType } from '../user/user.types.js';
import { CreateRoleInput, UpdateRoleInput } from './role.inputs.js';
import { builtInRoleName, roleNamesByIds, type RoleService } from './role.service.js';
import { PermissionInfo, RoleInfo } from './role.types.js';

const { ADMIN, AGENT } = Role;

@Resolver()
export class RoleResolver {
  constructor(private readonly service: RoleService) {}

  @Auth(ADMIN, AGENT, { permission: Permission.ROLES_MANAGE })
  @Query(() => [PermissionInfo], { description: 'The permission catalogue.' })
  permissions(): PermissionInfo[] {
    return ALL_PERMISSIONS.map((key) => ({
      key,
      side: PERMISSIONS[key].side,
      always: !!PERMISSIONS[key].always,
      description: PERMISSIONS[key].en,
      descriptionIndonesian: PERMISSIONS[key].id,
    }));
  }

  @Auth(ADMIN, AGENT, { permission: Permission.ROLES_MANAGE })
  @Query(() => [RoleInfo], { description: 'The built-in roles, then the tenant\'s custom roles by name.' })
  roles(@Caller() caller: Caller): Promise<RoleInfo[]> {
    return this.service.list(caller.em);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.ROLES_MANAGE })
  @Mutation(() => RoleInfo, { description: 'A custom role. Unknown permissions, or staff permissions on a CUSTOMER role, answer BAD_USER_INPUT.' })
  createRole(@Arg('input', () => CreateRoleInput) input: CreateRoleInput, @Caller() caller: Caller): Promise<RoleInfo> {
    return this.service.create(caller.em, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.ROLES_MANAGE })
  @Mutation(() => RoleInfo, { description: 'Renames a custom role or replaces its permissions; members get the new set at their next token refresh.' })
  updateRole(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateRoleInput) input: UpdateRoleInput, @Caller() caller: Caller): Promise<RoleInfo> {
    return this.service.update(caller.em, id, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.ROLES_MANAGE })
  @Mutation(() => Boolean, { description: 'Deletes a custom role nobody holds (CONFLICT with reason ROLE_IN_USE otherwise).' })
  deleteRole(@Arg('id', () => ID) id: string, @Caller() caller: Caller): Promise<boolean> {
    return this.service.delete(caller.em, id);
  }
}

/** The role name on a member: the custom role's name, else the built-in role's. */
@Resolver(() => UserType)
export class MemberRoleResolver {
  @FieldResolver(() => String, { description: 'The name of the role they hold here (a custom role\'s name, else Admin, Agent or Customer).' })
  async roleName(@Root() user: UserType, @Ctx() ctx: GraphQLContext): Promise<string> {
    if (user.customRoleId) {
      const name = await ctx.loaders.get<string, string | null>('customRoleNames', (ids) => roleNamesByIds(ctx.em, ids)).load(user.customRoleId);
      if (name) return name;
    }
    return builtInRoleName(user.role);
  }
}
