import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { NonBlankText } from '../../platform/graphql/text-field.js';

@ObjectType('Tenant')
export class TenantType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'The workspace logo (an https URL).' })
  logoUrl?: string | null;
}

@ObjectType({ description: 'Settings of the current workspace (tenant).' })
export class WorkspaceSettings {
  @Field({ description: 'Customers see the priority of their tickets and its changes. Tags are always staff-only.' })
  customersSeePriority: boolean;

  @Field(() => [String], { description: 'Tags staff pick from when tagging tickets and chats (any other tag may still be typed).' })
  presetTags: string[];

  @Field({ description: 'The board shows a column per status (ticketStatuses) instead of one per category.' })
  boardColumnsPerStatus: boolean;

  @Field({ description: 'The workspace name shown in the header.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The logo shown in the header (https URL).' })
  logoUrl: string | null;

  @Field({ description: 'en or id: the language of new members and of server-made text for users without one.' })
  defaultLocale: string;

  @Field({ description: 'IANA timezone of the workspace (UTC when not set).' })
  timezone: string;

  @Field(() => String, { nullable: true, description: 'The chat widget colour (#rrggbb) when the widget key sets none.' })
  widgetColor: string | null;

  @Field(() => String, { nullable: true, description: 'The chat widget greeting when the widget key sets none.' })
  widgetGreeting: string | null;

  @Field(() => String, { nullable: true, description: 'The greeting in Bahasa Indonesia.' })
  widgetGreetingIndonesian: string | null;
}

@InputType()
export class UpdateWorkspaceSettingsInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  customersSeePriority?: boolean;

  @Field(() => [String], { nullable: true, description: 'Replaces the preset tags (at most 50; each normalised like ticket tags).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  presetTags?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  boardColumnsPerStatus?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @NonBlankText(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'An https URL; an empty string removes the logo.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^$|^https:\/\/[^\s/$.?#][^\s]*$/i, { message: 'must be an https URL' })
  logoUrl?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(['en', 'id'], { message: 'must be en or id' })
  defaultLocale?: string;

  @Field({ nullable: true, description: 'An IANA timezone such as Asia/Jakarta.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @Field(() => String, { nullable: true, description: '#rrggbb; an empty string clears it.' })
  @IsOptional()
  @Matches(/^(#[0-9a-fA-F]{6})?$/, { message: 'must be a colour like #3b5bdb' })
  widgetColor?: string;

  @Field(() => String, { nullable: true, description: 'At most 300 characters; an empty string clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  widgetGreeting?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  widgetGreetingIndonesian?: string;
}
