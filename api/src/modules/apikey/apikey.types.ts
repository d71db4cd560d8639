import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsOptional } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ALL_SCOPES, Scope } from '../../platform/auth/scopes.js';
import { NonBlankText } from '../../platform/graphql/text-field.js';

/** The scopes as a GraphQL enum: TICKETS_READ stands for `tickets:read` (the name the @auth directive prints). */
export const ApiKeyScope = Scope;
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What an API key may do. Each stands for the scope the `@auth` directive names, e.g. TICKETS_READ for tickets:read.',
  valuesConfig: {
    TICKETS_READ: { description: 'tickets:read: tickets, ticket, ticketByNumber (every ticket of the tenant) and the timeline.' },
    TICKETS_WRITE: { description: 'tickets:write: createTicket (channel API), updateTicket, changeTicketStatus.' },
    MESSAGES_READ: { description: 'messages:read: the messages of tickets (never internal notes).' },
    MESSAGES_WRITE: { description: 'messages:write: postMessage and uploads (never internal notes).' },
    EVENTS_READ: { description: 'events:read: ticketEventFeed and the ticketEvents subscription.' },
    REPORTS_READ: { description: 'reports:read: ticketMetrics, the report aggregates and the export endpoint.' },
  },
});

@ObjectType('ApiKey', { description: 'A partner integration key. The secret itself is shown only once, at creation.' })
export class ApiKeyType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The visible start of the key, e.g. sdk_live_1a2b3c4d5e6f, to recognize it.' })
  prefix: string;

  @Field(() => [ApiKeyScope])
  scopes: string[];

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Accurate to about a minute.' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType)
  apiKey: ApiKeyType;

  @Field({ description: 'The whole key. It is shown only this once: store it in a secret manager.' })
  secret: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field()
  @NonBlankText(100)
  name: string;

  @Field(() => [ApiKeyScope])
  @ArrayNotEmpty({ message: 'must name at least one scope' })
  @ArrayMaxSize(ALL_SCOPES.length)
  @IsIn(ALL_SCOPES as string[], { each: true, message: `each scope must be one of ${ALL_SCOPES.join(', ')}` })
  scopes: string[];

  @Field(() => Date, { nullable: true, description: 'The key stops working at this time. Leave out for no expiry.' })
  @IsOptional()
  expiresAt?: Date | null;
}
