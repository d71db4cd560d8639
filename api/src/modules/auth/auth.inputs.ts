import { IsEmail, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

export const MIN_PASSWORD_LENGTH = 10;

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'is required' })
  password: string;

  @Field({ nullable: true, description: 'Required when the user belongs to several tenants.' })
  @IsOptional()
  @Length(1, 64)
  tenantSlug?: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @Length(1, 200, { message: 'is required' })
  currentPassword: string;

  @Field()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  newPassword: string;
}
