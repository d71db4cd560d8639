import { ArrayMaxSize, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class PostMessageInput {
  @Field(() => ID)
  ticketId: string;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: 'must be between 1 and 20000 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  body: string;

  @Field({ defaultValue: false, description: 'An internal note, visible to staff only.' })
  internal: boolean;

  @Field(() => [ID], { nullable: true, description: 'Ids returned by POST /uploads.' })
  @IsOptional()
  @ArrayMaxSize(10)
  attachmentIds?: string[];

  @Field({ nullable: true, description: 'Repeating a key within 24 hours returns the first result.' })
  @IsOptional()
  @Length(1, 100)
  idempotencyKey?: string;
}
