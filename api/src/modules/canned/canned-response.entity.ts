import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

/**
 * A saved answer staff insert into a reply. Shared ones belong to the whole tenant (admins
 * manage them); private ones are seen and managed only by their author.
 */
@ObjectType('CannedResponse')
@Entity({ tableName: 'canned_responses' })
@Index({ properties: ['tenantId', 'ownerId'] })
export class CannedResponse extends TenantOwnedEntity {
  @Field(() => ID)
  override id: string;

  @Field()
  @Property({ type: 'string', length: 120 })
  title: string;

  @Field({ description: 'May contain {{customer.name}}, {{ticket.number}} and {{agent.name}}, filled by renderCannedResponse.' })
  @Property({ type: 'text' })
  body: string;

  @Field({ description: 'The whole tenant sees it (true) or only its author (false).' })
  @Property({ type: 'boolean' })
  shared: boolean;

  @Field(() => ID, { description: 'Who wrote it.' })
  @Property({ type: 'string', length: 36 })
  ownerId: string;

  @Field()
  override createdAt: Date;

  @Field()
  override updatedAt: Date;
}
