import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MIN_PASSWORD_LENGTH } from '../auth/auth.inputs.js';
import { LOCALES } from '../mail/mail.templates.js';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const SLUG_MESSAGE = 'must be 2 to 40 lower-case letters, digits or dashes, starting and ending with a letter or digit';
/** Slugs that would read as the platform's own. */
export const RESERVED_SLUGS = new Set(['admin', 'api', 'app', 'dev', 'graphql', 'graphiql', 'help', 'operator', 'platform', 'sociodesk', 'support', 'www']);

@InputType()
export class SignUpInput {
  @Field({ description: 'The workspace (tenant) name, e.g. the company.' })
  @IsString()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  workspaceName: string;

  @Field({ description: 'Short unique name of the workspace: lower-case letters, digits and dashes.' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MinLength(2, { message: SLUG_MESSAGE })
  slug: string;

  @Field({ description: 'Your name.' })
  @IsString()
  @Length(1, 200, { message: 'is required' })
  name: string;

  @Field()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  password: string;

  @Field({ nullable: true, description: '`en` (default) or `id`: the language of your mail.' })
  @IsOptional()
  @IsIn(LOCALES as string[], { message: 'must be en or id' })
  locale?: string;
}
