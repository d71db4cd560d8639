import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LOCALES } from '../mail/mail.templates.js';
import { TenantStatus } from '../tenant/tenant.entity.js';

registerEnumType(TenantStatus, { name: 'TenantStatus', description: 'Whether a tenant is in use.' });

/** A tenant as the platform operator sees it. */
@ObjectType()
export class PlatformTenant {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => TenantStatus)
  status: TenantStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  suspendedAt: Date | null;

  @Field(() => Int, { description: 'Active members.' })
  memberCount: number;
}

@InputType()
export class CreateTenantInput {
  @Field()
  @IsString()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name: string;

  @Field({ description: 'Lower-case letters, digits and dashes.' })
  @IsString()
  @Length(2, 40, { message: 'must be 2 to 40 characters' })
  slug: string;

  @Field({ description: 'The first admin. A new address gets a mail to choose a password.' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  adminEmail: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'is required' })
  adminName: string;

  @Field({ nullable: true, description: '`en` (default) or `id`: the language of the new admin\u2019s mail.' })
  @IsOptional()
  @IsIn(LOCALES as string[], { message: 'must be en or id' })
  locale?: string;
}
