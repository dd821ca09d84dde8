import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The growth rule (README, "Adding things"): a domain's src/ root holds only its domain-wide files;
// everything else lives in a folder named by its noun, and each such folder has an index.ts.
// Reads the file tree only: no database, no gateway.

const subgraphs = fileURLToPath(new URL('../../subgraphs/', import.meta.url));

/** The only file names a domain's src/ root may hold (each optional). */
const ROOT_FILES = new Set([
  'index.ts',
  'tables.ts',
  'service.ts',
  'commands.ts',
  'resolvers.ts',
  'loaders.ts',
  'permissions.ts',
  'seed.ts',
]);

/** Codegen output: written by a tool, not a sub-area, so it needs no index.ts. */
const GENERATED_FOLDERS = new Set(['generated', '__generated__']);

/** Every domain folder under subgraphs/ (the kit is shared runtime, not a domain). */
const domains = readdirSync(subgraphs, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit' && existsSync(join(subgraphs, entry.name, 'src')))
  .map((entry) => entry.name)
  .sort();

/** What breaks the rule in one domain's src/, each as a sentence naming the file and where it belongs. */
function violations(domain: string): string[] {
  const src = join(subgraphs, domain, 'src');
  const where = `subgraphs/${domain}/src`;
  const found: string[] = [];
  for (const entry of readdirSync(src, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (GENERATED_FOLDERS.has(entry.name)) continue;
      if (!existsSync(join(src, entry.name, 'index.ts'))) {
        found.push(
          `${where}/${entry.name}/ has no index.ts: add ${where}/${entry.name}/index.ts exporting what the rest of ` +
            `the domain imports from ${entry.name} (domain code only, never its resolvers)`,
        );
      }
    } else if (!ROOT_FILES.has(entry.name)) {
      const noun = entry.name.replace(/\.[^.]+$/, '');
      found.push(
        `${where}/${entry.name} is not a root file (${[...ROOT_FILES].join(', ')}): move it into a folder named ` +
          `by its noun, e.g. ${where}/${noun}/ (as service.ts, resolvers.ts, loaders.ts, tables.ts or a helper ` +
          `named by what it holds, with an index.ts), or into the existing folder whose noun it serves`,
      );
    }
  }
  return found.sort();
}

describe('growth rule', () => {
  it('finds the domains', () => {
    expect(domains).toEqual(expect.arrayContaining(['access', 'coupons', 'members', 'orders', 'products', 'reports', 'stock']));
  });

  it.each(domains)('%s: the src/ root holds only domain-wide files and every sub-area folder has an index.ts', (domain) => {
    expect(violations(domain)).toEqual([]);
  });
});
