import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function committed(filename: string): string | null {
  try {
    return readFileSync(`${ROOT}${filename}`, 'utf8');
  } catch {
    return null;
  }
}

describe('generated resolver types', () => {
  it('every committed subgraphs/*/src/generated file equals a fresh generation (run pnpm codegen when this fails)', async () => {
    // In memory only: the committed files are what is being checked.
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: ROOT }, false);
    expect(outputs.length).toBe(Object.keys(config.generates).length);
    const stale = outputs.filter((output) => committed(output.filename) !== output.content).map((output) => output.filename);
    expect(stale).toEqual([]);
  });
});
