import { ArrayMaxSize, ArrayNotEmpty, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NonBlankText } from '../../platform/graphql/text-field.js';

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

@InputType()
export class CreateWidgetKeyInput {
  @Field()
  @NonBlankText(100)
  name: string;

  @Field(() => [String], { description: 'Origins such as https://shop.example (scheme, host and port; no path).' })
  @ArrayNotEmpty({ message: 'must list at least one origin' })
  @ArrayMaxSize(20)
  @Matches(ORIGIN, { each: true, message: 'each must be an origin like https://shop.example' })
  allowedOrigins: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string | null;

  @Field({ nullable: true, description: 'The widget colour, #rrggbb.' })
  @IsOptional()
  @Matches(/^#[0-9a-f]{6}$/i, { message: 'must be a colour like #1c7ed6' })
  color?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  greeting?: string;

  @Field({ defaultValue: false, description: 'Refuse visitors without a valid signed identity.' })
  requireIdentity: boolean;
}

@InputType()
export class StartChatInput {
  @Field()
  @IsString()
  @Length(8, 40, { message: 'is not a widget key' })
  widgetKey: string;

  @Field()
  @NonBlankText(100)
  name: string;

  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(120, { message: 'must be at most 120 characters' })
  company?: string;

  @Field()
  @NonBlankText(200)
  topic: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string | null;

  @Field({ nullable: true, description: 'The page the visitor is on.' })
  @IsOptional()
  @MaxLength(500)
  pageUrl?: string;

  @Field({ nullable: true, description: 'The page embedding the widget (the widget frame sends it; browsers send `Origin` otherwise).' })
  @IsOptional()
  @MaxLength(200)
  hostOrigin?: string;

  @Field({ nullable: true, description: 'The widget language: en (default) or id.' })
  @IsOptional()
  @IsIn(['en', 'id'], { message: 'must be en or id' })
  locale?: string;

  @Field({ nullable: true, description: "The website's id of a signed-in visitor (identity verification)." })
  @IsOptional()
  @MaxLength(128)
  visitorId?: string;

  @Field({ nullable: true, description: 'Hex HMAC-SHA256 of visitorId with the key’s identity secret.' })
  @IsOptional()
  @MaxLength(128)
  visitorIdHash?: string;
}

@InputType()
export class SendChatMessageInput {
  @Field()
  @NonBlankText(5000)
  body: string;

  @Field(() => [ID], { nullable: true, description: 'Files uploaded with the chat session token (POST /uploads).' })
  @IsOptional()
  @ArrayMaxSize(5)
  attachmentIds?: string[];
}

@InputType()
export class RateChatInput {
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be 1 to 5' })
  @Max(5, { message: 'must be 1 to 5' })
  rating: number;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  comment?: string;
}

@InputType()
export class TransferChatInput {
  @Field(() => ID)
  chatId: string;

  @Field(() => ID, { nullable: true, description: 'Give the chat to this agent…' })
  @IsOptional()
  agentId?: string | null;

  @Field(() => ID, { nullable: true, description: '…or route it again within this department.' })
  @IsOptional()
  departmentId?: string | null;
}

@InputType()
export class DepartmentInput {
  @Field()
  @NonBlankText(80)
  name: string;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(500)
  memberIds: string[];
}

@InputType()
export class ChatCapacityInput {
  @Field(() => ID)
  userId: string;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'must be 0 to 50' })
  @Max(50, { message: 'must be 0 to 50' })
  capacity: number;
}

