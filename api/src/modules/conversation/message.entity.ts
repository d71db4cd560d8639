import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

export enum MessageKind {
  TEXT = 'TEXT',
  SYSTEM = 'SYSTEM',
}
registerEnumType(MessageKind, { name: 'MessageKind' });

@ObjectType('Message')
@Entity({ tableName: 'messages' })
@Index({ properties: ['tenantId', 'ticketId', 'createdAt', 'id'] })
export class Message extends TenantOwnedEntity<'internal' | 'kind' | 'authorId'> {
  @Field(() => ID)
  override id: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  ticketId: string;

  /** Null for system messages. */
  @Property({ type: 'string', length: 36, nullable: true })
  authorId: string | null = null;

  @Field()
  @Property({ type: 'text' })
  body: string;

  @Field({ description: 'An internal note: visible to staff only.' })
  @Property({ type: 'boolean' })
  internal: boolean = false;

  @Field(() => MessageKind)
  @Property({ type: 'string', length: 8 })
  kind: MessageKind = MessageKind.TEXT;

  @Field()
  override createdAt: Date;
}
