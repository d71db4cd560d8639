import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ALL_ROLES, Role } from '../../platform/auth/principal.js';
import { NonBlankText } from '../../platform/graphql/text-field.js';

@InputType()
export class UserFilter {
  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field({ nullable: true })
  active?: boolean;

  @Field({ nullable: true, description: 'Matches name or email.' })
  @IsOptional()
  @MaxLength(100)
  search?: string;
}

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name: string;

  @Field(() => Role, { description: 'ADMIN, AGENT or CUSTOMER (PARTNER belongs to API keys).' })
  @IsIn(ALL_ROLES as Role[], { message: 'must be ADMIN, AGENT or CUSTOMER' })
  role: Role;
}

@InputType({ description: 'A customer to add while opening a ticket for them.' })
export class NewCustomerInput {
  @Field()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @NonBlankText(200)
  name: string;
}
