import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UserType } from '../user/user.types.js';
import { PresenceStatus } from './presence.store.js';

registerEnumType(PresenceStatus, { name: 'PresenceStatus' });

@ObjectType()
export class AgentPresence {
  @Field(() => UserType)
  user: UserType;

  @Field(() => PresenceStatus)
  status: PresenceStatus;

  @Field()
  updatedAt: Date;
}

/** What travels through pub/sub when presence changes. */
export interface PresenceEvent {
  tenantId: string;
  userId: string;
  status: PresenceStatus;
  updatedAt: string;
}
export { PresenceStatus };
