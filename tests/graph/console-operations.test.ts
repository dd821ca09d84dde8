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

/** Exported strings holding an operation; fragments are checked inside the operations that spread them. */
async function operationsOf(path: string): Promise<[string, string][]> {
  const exports = (await import(path)) as Record<string, unknown>;
  return Object.entries(exports).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && /^\s*(query|mutation)\b/.test(entry[1]),
  );
}

describe('console operations', () => {
  it('finds the console operation modules', () => {
    expect(modules.length).toBeGreaterThan(10);
  });

  it.each(modules.map((path) => [relative(WEB_ADMIN, path), path]))('%s is valid against api.graphql', async (_, path) => {
    const operations = await operationsOf(path);
    for (const [name, source] of operations) {
      const errors = validate(api, parse(source)).map((error) => error.message);
      expect(errors, `${name} in ${relative(WEB_ADMIN, path)}`).toEqual([]);
    }
  });
});
