// Where the graph's SDL lives and how a subgraph's SDL is put together (a leaf: compose and codegen read it too).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

export const SCHEMA_DIR = fileURLToPath(new URL('../../../schema/', import.meta.url));

/**
 * A domain's SDL as composed and served: the shared kit types followed by
 * schema/<domain>.graphql. compose and codegen read it through here too, so the three never drift.
 */
export function subgraphSdl(name: string): DocumentNode {
  const kit = readFileSync(`${SCHEMA_DIR}kit.graphql`, 'utf8');
  const own = readFileSync(`${SCHEMA_DIR}${name}.graphql`, 'utf8');
  return parse(`${own}\n${kit}`);
}
