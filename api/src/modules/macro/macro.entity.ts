import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import { MacroAction } from './macro.types.js';

/** A named list of actions applied to tickets in one step. Shared (admins manage) or private to its author. */
@ObjectType('Macro')
@Entity({ tableName: 'macros' })
@Index({ properties: ['tenantId', 'ownerId'] })
export class Macro extends TenantOwnedEntity {
  @Field(() => ID)
  override id: string;

  @Field()
  @Property({ type: 'string', length: 120 })
  name: string;

  @Field(() => [MacroAction])
  @Property({ type: 'json' })
  actions: MacroAction[];

  @Field({ description: 'The whole tenant may use it (true) or only its author (false).' })
  @Property({ type: 'boolean' })
  shared: boolean;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  ownerId: string;

  @Field()
  override updatedAt: Date;
}
