import type { GraphQLContext } from '../../platform/graphql/context.js';
import { membersByIds } from './user.service.js';
import type { UserType } from './user.types.js';

/** Members of the current tenant by user id, batched per request. */
export function memberLoader(ctx: Pick<GraphQLContext, 'em' | 'loaders'>) {
  return ctx.loaders.get<string, UserType | null>('members', (ids) => membersByIds(ctx.em, ids));
}
