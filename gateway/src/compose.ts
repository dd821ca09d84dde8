/**
 * `pnpm compose`: composes schema/<domain>.graphql into schema/supergraph.graphql
 * (the full supergraph, source of the policy table), schema/supergraph.gateway.graphql
 * (the copy @apollo/gateway loads: auth @links without `for: SECURITY`, which it refuses to load)
 * and schema/api.graphql (the client API). Fails on errors and on hints.
 * `--check` compares instead of writing and fails when a committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { SCHEMA_DIR, subgraphSdl } from '@shop/kit';
import { DOMAIN_NAMES, SUBGRAPH_PORTS } from './domains.js';

export interface ComposedFiles {
  'supergraph.graphql': string;
  'supergraph.gateway.graphql': string;
  'api.graphql': string;
}

export class CompositionFailed extends Error {}

export function compose(): ComposedFiles {
  const result = composeServices(
    DOMAIN_NAMES.map((name) => ({
      name,
      typeDefs: subgraphSdl(name),
      // Placeholder for in-process mode; distributed mode overrides it per subgraph.
      url: `http://127.0.0.1:${SUBGRAPH_PORTS[name]}/graphql`,
    })),
  );
  if (result.errors) {
    throw new CompositionFailed(result.errors.map((e) => e.message).join('\n'));
  }
  if (result.hints.length) {
    throw new CompositionFailed(
      result.hints.map((h) => `${h.definition.code}: ${h.message}`).join('\n'),
    );
  }
  const supergraph = result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
  const api = printSchema(lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema()));
  return {
    'supergraph.graphql': supergraph,
    'supergraph.gateway.graphql': withoutSecurityPurpose(supergraph),
    'api.graphql': `${api}\n`,
  };
}

/** @apollo/gateway refuses SECURITY features it does not enforce; our plugin enforces them. */
export function withoutSecurityPurpose(supergraph: string): string {
  return supergraph.replace(
    /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v[\d.]+"), for: SECURITY\)/g,
    '$1)',
  );
}

/** Names of committed files that differ from a fresh composition. */
export function staleFiles(files: ComposedFiles = compose()): string[] {
  return Object.entries(files)
    .filter(([name, text]) => {
      try {
        return readFileSync(`${SCHEMA_DIR}${name}`, 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([name]) => name);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = compose();
  if (process.argv.includes('--check')) {
    const stale = staleFiles(files);
    if (stale.length) {
      console.error(`Stale: ${stale.join(', ')}. Run pnpm compose.`);
      process.exit(1);
    }
    console.log('schema/ is up to date');
  } else {
    for (const [name, text] of Object.entries(files)) writeFileSync(`${SCHEMA_DIR}${name}`, text);
    console.log(`composed ${DOMAIN_NAMES.length} subgraphs into schema/supergraph.graphql`);
  }
}
