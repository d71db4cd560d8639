import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('Tenant')
export class TenantType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;
}

@ObjectType({ description: 'Settings of the current workspace (tenant).' })
export class WorkspaceSettings {
  @Field({ description: 'Customers see the priority of their tickets and its changes. Tags are always staff-only.' })
  customersSeePriority: boolean;

  @Field(() => [String], { description: 'Tags staff pick from when tagging tickets and chats (any other tag may still be typed).' })
  presetTags: string[];

  @Field({ description: 'The board shows a column per status (ticketStatuses) instead of one per category.' })
  boardColumnsPerStatus: boolean;
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
}
