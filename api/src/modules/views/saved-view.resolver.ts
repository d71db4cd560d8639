import { Arg, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import { SavedView } from './saved-view.entity.js';
import { canManageView, type SavedViewService } from './saved-view.service.js';
import { CreateSavedViewInput } from './saved-view.types.js';

const { ADMIN, AGENT } = Role;

@Resolver(() => SavedView)
export class SavedViewResolver {
  constructor(private readonly service: SavedViewService) {}

  @Auth(ADMIN, AGENT, { permission: Permission.VIEWS_MANAGE })
  @Query(() => [SavedView], { description: "The tenant's shared views and your own private ones, shared first." })
  savedViews(@Caller() caller: Caller) {
    return this.service.list(caller);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.VIEWS_MANAGE })
  @Mutation(() => SavedView, { description: 'Shared (admins only) or private to you.' })
  createSavedView(@Arg('input', () => CreateSavedViewInput) input: CreateSavedViewInput, @Caller() caller: Caller) {
    return this.service.create(caller, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.VIEWS_MANAGE })
  @Mutation(() => Boolean, { description: 'Admins delete shared views; authors their private ones.' })
  deleteSavedView(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.service.delete(caller, id);
  }

  @FieldResolver(() => Int, { description: 'How many tickets match the view now, for you.' })
  count(@Root() view: SavedView, @Caller() caller: Caller): Promise<number> {
    return this.service.count(caller, view);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may delete it.' })
  viewerCanManage(@Root() view: SavedView, @Caller() caller: Caller): boolean {
    return canManageView(caller.principal, view);
  }
}
