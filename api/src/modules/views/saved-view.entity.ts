import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import { SavedViewFilter } from './saved-view.types.js';

/** A named ticket filter shown as a tab on the board and the list. Shared (admins manage) or private. */
@ObjectType('SavedView')
@Entity({ tableName: 'saved_views' })
@Index({ properties: ['tenantId', 'ownerId'] })
export class SavedView extends TenantOwnedEntity {
  @Field(() => ID)
  override id: string;

  @Field()
  @Property({ type: 'string', length: 60 })
  name: string;

  @Field(() => SavedViewFilter)
  @Property({ type: 'json' })
  filter: SavedViewFilter;

  @Field()
  @Property({ type: 'boolean' })
  shared: boolean;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  ownerId: string;

  @Field()
  override createdAt: Date;
}
