import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import type { TenantService } from './tenant.service.js';
import { UpdateWorkspaceSettingsInput, WorkspaceSettings } from './tenant.types.js';

@Resolver()
export class TenantResolver {
  constructor(private readonly service: TenantService) {}

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.SETTINGS_MANAGE })
  @Query(() => WorkspaceSettings, { description: 'Settings of the current workspace.' })
  workspaceSettings(@Ctx() ctx: GraphQLContext): Promise<WorkspaceSettings> {
    return this.service.settings(ctx.em, ctx.principal!);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.TICKETS_READ })
  @Query(() => [String], { description: 'The tags staff pick from (workspaceSettings.presetTags), for agents too.' })
  presetTags(@Ctx() ctx: GraphQLContext): Promise<string[]> {
    return this.service.presetTags(ctx.em, ctx.principal!);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.TICKETS_READ })
  @Query(() => Boolean, { description: 'Whether the board shows a column per status (workspaceSettings.boardColumnsPerStatus), for agents too.' })
  boardColumnsPerStatus(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.service.boardColumnsPerStatus(ctx.em, ctx.principal!);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.SETTINGS_MANAGE })
  @Mutation(() => WorkspaceSettings, { description: 'Changes settings of the current workspace; fields left out keep their value.' })
  updateWorkspaceSettings(
    @Arg('input', () => UpdateWorkspaceSettingsInput) input: UpdateWorkspaceSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WorkspaceSettings> {
    return this.service.updateSettings(ctx.em, ctx.principal!, input);
  }
}
