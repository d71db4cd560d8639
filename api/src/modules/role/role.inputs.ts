import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Permission } from '../../platform/auth/permissions.js';
import { RoleBase } from './role.entity.js';
import { NonBlankText } from '../../platform/graphql/text-field.js';

@InputType()
export class CreateRoleInput {
  @Field()
  @NonBlankText(60)
  name: string;

  @Field(() => RoleBase)
  @IsIn(Object.values(RoleBase), { message: 'must be STAFF or CUSTOMER' })
  base: RoleBase;

  @Field(() => [Permission], { description: 'The permissions the role grants, as `permissions` lists them (e.g. TICKETS_READ).' })
  @ArrayMaxSize(50)
  permissions: Permission[];
}

@InputType({ description: 'Leave a field out to keep it.' })
export class UpdateRoleInput {
  @Field({ nullable: true })
  @IsOptional()
  @NonBlankText(60)
  name?: string;

  @Field(() => [Permission], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  permissions?: Permission[];
}
