import { ArrayMaxSize, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../platform/graphql/pagination.js';
import { TicketEventType } from '../activity/ticket-event.entity.js';
import { DeliveryStatus } from './webhook.entity.js';

registerEnumType(DeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType('WebhookEndpoint')
export class WebhookEndpointType {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => [TicketEventType], { description: 'Delivered event types; empty means all.' })
  eventTypes: TicketEventType[];

  @Field({ description: 'False after sustained failure (or never re-enabled): nothing is delivered.' })
  enabled: boolean;

  @Field(() => Date, { nullable: true })
  disabledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the endpoint was disabled, e.g. after a day of failed deliveries.' })
  disabledReason: string | null;

  @Field(() => Date, { nullable: true, description: 'Since when attempts have been failing; null when the last one succeeded.' })
  failingSince: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointType)
  endpoint: WebhookEndpointType;

  @Field({ description: 'The signing secret. It is shown only this once.' })
  secret: string;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'An http(s) URL on a public address.' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http or https URL' })
  @MaxLength(2000)
  url: string;

  @Field(() => [TicketEventType], { nullable: true, description: 'Leave out (or empty) for every event type.' })
  @IsOptional()
  @ArrayMaxSize(50)
  eventTypes?: TicketEventType[];
}

@ObjectType('WebhookDelivery', { description: 'One event sent (or being sent) to one endpoint.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'Also the X-Sociodesk-Delivery header, the same on every attempt.' })
  id: string;

  @Field(() => ID)
  endpointId: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => Int)
  eventSeq: number;

  @Field(() => TicketEventType)
  eventType: TicketEventType;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null once delivered or given up.' })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last response; null when there was none.' })
  responseStatus: number | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds until the last response arrived.' })
  latencyMs: number | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field()
  createdAt: Date;
}

export const WebhookDeliveryConnection = ConnectionType('WebhookDelivery', WebhookDeliveryType);
