import type { DefinitionNode, DocumentNode } from 'graphql';

/**
 * One document from several: codegen's fragment documents do not embed the fragments they
 * spread, so writeFragment/readFragment need them put together (each fragment once).
 */
export function combineDocuments(...documents: DocumentNode[]): DocumentNode {
  const seen = new Set<string>();
  const definitions: DefinitionNode[] = [];
  for (const document of documents) {
    for (const definition of document.definitions) {
      const name = 'name' in definition && definition.name ? `${definition.kind}:${definition.name.value}` : null;
      if (name && seen.has(name)) continue;
      if (name) seen.add(name);
      definitions.push(definition);
    }
  }
  return { kind: 'Document' as DocumentNode['kind'], definitions };
}
