import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

/** An uploaded file. Unlinked until a message references it. */
@ObjectType('Attachment')
@Entity({ tableName: 'attachments' })
@Index({ properties: ['tenantId', 'messageId'] })
export class Attachment extends TenantOwnedEntity<'messageId' | 'ticketId' | 'url'> {
  @Field(() => ID)
  override id: string;

  @Property({ type: 'string', length: 36, nullable: true })
  messageId: string | null = null;

  @Property({ type: 'string', length: 36, nullable: true })
  ticketId: string | null = null;

  @Property({ type: 'string', length: 36 })
  uploaderId: string;

  @Field()
  @Property({ type: 'string', length: 255 })
  filename: string;

  @Field()
  @Property({ type: 'string', length: 100 })
  contentType: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property({ type: 'integer' })
  size: number;

  @Property({ type: 'string', length: 255, hidden: true })
  storageKey: string;

  @Field({ description: 'Download path on this server (send the same Authorization header).' })
  get url(): string {
    return `/attachments/${this.id}`;
  }
}
