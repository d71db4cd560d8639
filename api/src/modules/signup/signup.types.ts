import { Field, ObjectType } from 'type-graphql';
import { TenantType } from '../tenant/tenant.types.js';

@ObjectType()
export class SignUpPayload {
  @Field({ description: 'Where the confirmation mail went.' })
  email: string;

  @Field(() => TenantType, { description: 'The new workspace; it opens when the email address is confirmed.' })
  tenant: TenantType;
}

@ObjectType()
export class VerifyEmailPayload {
  @Field()
  email: string;

  @Field(() => TenantType, { nullable: true, description: 'The workspace the confirmation opened, if any.' })
  tenant: TenantType | null;
}
