import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Permission } from '../../platform/auth/permissions.js';
import { Role } from '../../platform/auth/principal.js';
import { RoleBase } from './role.entity.js';

registerEnumType(RoleBase, { name: 'RoleBase', description: 'STAFF roles sign in as AGENT, CUSTOMER roles as CUSTOMER.' });

@ObjectType({ description: 'One permission of the catalogue.' })
export class PermissionInfo {
  @Field(() => Permission)
  key: Permission;

  @Field({ description: '`staff` (staff roles only) or `both`.' })
  side: string;

  @Field({ description: 'Held by every role; cannot be taken away.' })
  always: boolean;

  @Field()
  description: string;

  @Field({ description: 'The description in Bahasa Indonesia.' })
  descriptionIndonesian: string;
}

@ObjectType({ description: 'A built-in role (read-only) or a custom role of the tenant.' })
export class RoleInfo {
  @Field(() => ID, { description: 'A custom role\'s id, or the built-in role\'s name (ADMIN, AGENT, CUSTOMER).' })
  id: string;

  @Field()
  name: string;

  @Field(() => RoleBase)
  base: RoleBase;

  @Field(() => Role, { description: 'The role its members sign in with.' })
  role: Role;

  @Field()
  builtIn: boolean;

  @Field(() => [Permission])
  permissions: Permission[];

  @Field(() => Int, { description: 'Active and deactivated members holding it.' })
  memberCount: number;
}
