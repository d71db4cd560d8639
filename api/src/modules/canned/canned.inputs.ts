import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NonBlankText } from '../../platform/graphql/text-field.js';

@InputType()
export class CreateCannedResponseInput {
  @Field()
  @NonBlankText(120)
  title: string;

  @Field()
  @IsString()
  @Length(1, 10_000, { message: 'must be between 1 and 10000 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  body: string;

  @Field({ defaultValue: false, description: 'Shared with the whole tenant (admins only), or private to you.' })
  shared: boolean;
}

@InputType()
export class UpdateCannedResponseInput {
  @Field({ nullable: true })
  @IsOptional()
  @NonBlankText(120)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 10_000, { message: 'must be between 1 and 10000 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  body?: string;

  @Field({ nullable: true, description: 'Only admins may share a response with the tenant.' })
  @IsOptional()
  shared?: boolean;
}
