import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import { withAuthDirectiveDefinitions } from '../auth/auth.directive.js';

export interface SchemaOptions {
  resolvers: readonly Function[];
  /** Resolver instances by class. Omit to build a schema that is only printed. */
  instances?: Map<Function, object>;
  pubSub?: PubSub;
}

/** Builds the schema from the type-graphql classes, with the role directives declared. */
export async function buildAppSchema(options: SchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers as unknown as NonEmptyArray<Function>,
    container: {
      get: (cls: Function) => {
        const instance = options.instances?.get(cls);
        if (!instance) throw new Error(`No instance registered for ${cls.name}`);
        return instance;
      },
    },
    // Subscriptions bring their own sources; type-graphql still wants a PubSub to build them.
    pubSub: options.pubSub ?? createPubSub(),
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
  });
  return withAuthDirectiveDefinitions(schema);
}

const HEADER = '# Generated from the API code by `npm run schema`. Do not edit by hand.\n\n';

export function printContract(schema: GraphQLSchema): string {
  return `${HEADER}${printSchemaWithDirectives(schema)}\n`;
}
