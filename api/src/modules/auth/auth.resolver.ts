import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Auth, Public } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { ChangePasswordInput, LoginInput } from './auth.inputs.js';
import type { AuthService } from './auth.service.js';
import { AuthPayload, Viewer } from './auth.types.js';

const ANY_MEMBER = [Role.ADMIN, Role.AGENT, Role.CUSTOMER] as const;

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in. `tenantSlug` may be left out when the user has one tenant.' })
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return this.auth.login(ctx.em, input, ctx.ip);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for new tokens. Reusing a token revokes its session.' })
  refreshSession(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return this.auth.refreshSession(ctx.em, refreshToken);
  }

  @Auth(...ANY_MEMBER, { permission: Permission.ACCOUNT_USE })
  @Mutation(() => Boolean, { description: 'Revokes the session of the given refresh token, or all of your sessions in this tenant.' })
  logout(
    @Arg('refreshToken', () => String, { nullable: true }) refreshToken: string | null,
    @Caller() caller: Caller,
  ): Promise<boolean> {
    return this.auth.logout(caller.em, caller.principal, refreshToken);
  }

  @Auth(...ANY_MEMBER, { permission: Permission.ACCOUNT_USE })
  @Mutation(() => AuthPayload, { description: 'New tokens for another tenant you are a member of.' })
  switchTenant(@Arg('tenantSlug', () => String) tenantSlug: string, @Caller() caller: Caller): Promise<AuthPayload> {
    return this.auth.switchTenant(caller.em, caller.principal, tenantSlug);
  }

  @Auth(...ANY_MEMBER, { permission: Permission.ACCOUNT_USE })
  @Mutation(() => AuthPayload, { description: 'Changes your password and signs out your other sessions.' })
  changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Caller() caller: Caller): Promise<AuthPayload> {
    return this.auth.changePassword(caller.em, caller.principal, input);
  }

  @Auth(...ANY_MEMBER, { permission: Permission.ACCOUNT_USE })
  @Query(() => Viewer, { description: 'The signed-in user, their current tenant and role, and all their memberships.' })
  me(@Caller() caller: Caller): Promise<Viewer> {
    return this.auth.viewer(caller.em, caller.principal);
  }
}
