import { Field, ObjectType } from 'type-graphql';
import { Permission } from '../../platform/auth/permissions.js';
import { Role } from '../../platform/auth/principal.js';
import { TenantType } from '../tenant/tenant.types.js';
import { TenantMembership, UserType } from '../user/user.types.js';

@ObjectType()
export class Viewer {
  @Field(() => UserType)
  user: UserType;

  @Field(() => TenantType)
  tenant: TenantType;

  @Field(() => Role)
  role: Role;

  @Field(() => [Permission], { description: 'What you may do here, as your access token says (a role change applies at the next refresh).' })
  permissions: Permission[];

  @Field(() => [TenantMembership])
  memberships: TenantMembership[];

  @Field({ description: 'True when the password is temporary and must be changed before anything else.' })
  mustChangePassword: boolean;
}

/** A session: the viewer plus its tokens. */
@ObjectType()
export class AuthPayload extends Viewer {
  @Field({ description: 'JWT for the Authorization header. Expires at `expiresAt`.' })
  accessToken: string;

  @Field({ description: 'Single-use token for refreshSession. Rotates on every use.' })
  refreshToken: string;

  @Field()
  expiresAt: Date;
}
