import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

import config from '../../web-admin/codegen.js';

// The console's typed documents (web-admin/gql/) are committed: they must be what
// `pnpm codegen:web` writes from today's api.graphql and today's graphql() documents.
// Generated in memory, so a stale copy fails here rather than in front of an operator.
const WEB_ADMIN = fileURLToPath(new URL('../../web-admin/', import.meta.url));
const GQL = join(WEB_ADMIN, 'gql');

describe('generated console types', () => {
  it('web-admin/gql/ matches a fresh generation (run `pnpm codegen:web`)', async () => {
    // generate's declared result is widened to `any` by its watch mode; in-memory it is the files.
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: WEB_ADMIN, silent: true }, false);
    const fresh = Object.fromEntries(outputs.map((output) => [join(WEB_ADMIN, output.filename), output.content]));
    const committed = Object.fromEntries(
      readdirSync(GQL).map((name) => [join(GQL, name), readFileSync(join(GQL, name), 'utf8')]),
    );
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const [path, content] of Object.entries(fresh)) expect(committed[path], path).toBe(content);
  });
});
