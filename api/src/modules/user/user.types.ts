import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../platform/auth/principal.js';
import { ConnectionType } from '../../platform/graphql/pagination.js';
import { TenantType } from '../tenant/tenant.types.js';

/** A member of the current tenant: the global identity plus its role here. */
@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => Role, { description: 'The role they sign in with (a custom role\'s base: AGENT for staff, CUSTOMER).' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'The custom role they hold in this tenant, if any.' })
  customRoleId: string | null;

  @Field({ description: 'False when the account or its membership in this tenant is deactivated.' })
  active: boolean;

  @Field()
  createdAt: Date;

  /** Resolved for admins only (see UserResolver.lastSignInAt). */
  lastSignInAt: Date | null;
}

export const UserConnection = ConnectionType('User', UserType);

@ObjectType()
export class TenantMembership {
  @Field(() => TenantType)
  tenant: TenantType;

  @Field(() => Role)
  role: Role;
}

@ObjectType()
export class CreateUserPayload {
  @Field(() => UserType)
  user: UserType;

  @Field(() => String, {
    nullable: true,
    description: 'Shown once, only when a new identity was created. It must be changed at first sign-in.',
  })
  temporaryPassword: string | null;
}
