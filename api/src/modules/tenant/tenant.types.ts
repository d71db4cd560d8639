import { IsBoolean, IsOptional } from 'class-validator';
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
}

@InputType()
export class UpdateWorkspaceSettingsInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  customersSeePriority?: boolean;
}
