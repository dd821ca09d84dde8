import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import { SCHEMA_DIR } from '@shop/kit';

// Every operation the admin console sends is valid against the API schema: a
// renamed or removed field fails here, not in front of an operator.
const WEB_ADMIN = fileURLToPath(new URL('../../web-admin/', import.meta.url));
const api = buildSchema(readFileSync(`${SCHEMA_DIR}api.graphql`, 'utf8'));

function operationModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', '.next'].includes(entry.name) ? [] : operationModules(path);
    return entry.name.endsWith('.graphql.ts') ? [path] : [];
  });
}

const modules = ['app', 'components', 'lib'].flatMap((dir) => operationModules(join(WEB_ADMIN, dir)));

/**
 * Exported documents (`graphql()` from web-admin/gql: string objects) holding an operation, with
 * the fragments it spreads appended; a document gql/ does not know comes back as `{}` and fails.
 */
async function operationsOf(path: string): Promise<[string, string][]> {
  const exports = (await import(path)) as Record<string, unknown>;
  return Object.entries(exports).flatMap(([name, value]): [string, string][] => {
    if (typeof value !== 'object' || value === null) return [];
    const source = value instanceof String ? value.toString() : '';
    expect(source, `${name} in ${relative(WEB_ADMIN, path)} is not in web-admin/gql (run pnpm codegen:web)`).not.toBe('');
    return /^\s*(query|mutation)\b/.test(source) ? [[name, source]] : [];
  });
}

describe('console operations', () => {
  it('finds the console operation modules and their operations', async () => {
    expect(modules.length).toBeGreaterThan(10);
    const operations = await Promise.all(modules.map(operationsOf));
    expect(operations.flat().length).toBeGreaterThan(50);
  });

  it.each(modules.map((path) => [relative(WEB_ADMIN, path), path]))('%s is valid against api.graphql', async (_, path) => {
    const operations = await operationsOf(path);
    for (const [name, source] of operations) {
      const errors = validate(api, parse(source)).map((error) => error.message);
      expect(errors, `${name} in ${relative(WEB_ADMIN, path)}`).toEqual([]);
    }
  });
});
