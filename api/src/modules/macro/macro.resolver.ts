import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import { Macro } from './macro.entity.js';
import { ApplyMacroInput, MacroInput } from './macro.inputs.js';
import { canManageMacro, type MacroService } from './macro.service.js';
import { MacroApplication } from './macro.types.js';

const { ADMIN, AGENT } = Role;

@Resolver(() => Macro)
export class MacroResolver {
  constructor(private readonly service: MacroService) {}

  @Auth(ADMIN, AGENT, { permission: Permission.MACROS_MANAGE })
  @Query(() => [Macro], { description: "The tenant's shared macros and your own private ones." })
  macros(@Caller() caller: Caller) {
    return this.service.list(caller);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.MACROS_MANAGE })
  @Mutation(() => Macro, { description: 'Shared (admins only) or private to you.' })
  createMacro(@Arg('input', () => MacroInput) input: MacroInput, @Caller() caller: Caller) {
    return this.service.create(caller, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.MACROS_MANAGE })
  @Mutation(() => Macro, { description: 'Replaces name, actions and sharing. Admins edit shared macros; authors their private ones.' })
  updateMacro(@Arg('id', () => ID) id: string, @Arg('input', () => MacroInput) input: MacroInput, @Caller() caller: Caller) {
    return this.service.update(caller, id, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.MACROS_MANAGE })
  @Mutation(() => Boolean)
  deleteMacro(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.service.delete(caller, id);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_UPDATE })
  @Mutation(() => MacroApplication, {
    description:
      "Applies a macro to tickets in one transaction: if any action fails on any ticket (permissions, transitions), nothing changes. Each ticket's timeline gets one MACRO_APPLIED entry with the changes.",
  })
  async applyMacro(@Arg('input', () => ApplyMacroInput) input: ApplyMacroInput, @Caller() caller: Caller): Promise<MacroApplication> {
    return { tickets: await this.service.apply(caller, input.macroId, input.ticketIds) };
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may edit or delete it.' })
  viewerCanManage(@Root() macro: Macro, @Caller() caller: Caller): boolean {
    return canManageMacro(caller.principal, macro);
  }
}
