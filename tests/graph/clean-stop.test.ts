import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DOMAIN_NAMES } from '@shop/gateway/domains';
import { freePort } from '../kit/browser.js';
import { DEMO_PARTNER_KEY } from '../kit/callers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA_DIR = join(ROOT, 'tests/.artifacts', `clean-stop-${randomBytes(4).toString('hex')}`);
/** The first start initialises PostgreSQL and seeds the demo shop. */
const START_TIMEOUT_MS = 240_000;

const ORDERS = JSON.stringify({ query: `{ orders(first: 50) { edges { node { number lines { quantity } } } } }` });

interface Run {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  inFlight: (number | string)[];
}

/**
 * `pnpm start`'s launcher in its own process group, as a terminal runs it; once
 * healthy, a few requests are put in flight and the whole group gets SIGINT,
 * as Ctrl-C sends it (the launcher, its children and, unless it is in a group
 * of its own, PostgreSQL).
 */
async function startAndInterrupt(mode: 'in-process' | 'distributed'): Promise<Run> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ADMIN_CONSOLE: 'off',
    DATA_DIR,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(await freePort()),
    GATEWAY_MODE: mode,
    LOG_LEVEL: 'info',
    APOLLO_TELEMETRY_DISABLED: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  delete env.VITEST;
  delete env.NODE_ENV;
  if (mode === 'distributed') {
    for (const name of DOMAIN_NAMES) env[`SUBGRAPH_${name.toUpperCase()}_URL`] = `http://127.0.0.1:${await freePort()}/graphql`;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await fetch(`${base}/health`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`launcher did not become healthy (exit ${child.exitCode}):\n${stderr}\n${stdout.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const requests = Array.from({ length: 5 }, () =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_PARTNER_KEY}` },
      body: ORDERS,
    }).then(
      (r) => r.status,
      (error: Error) => `failed: ${error.message}`,
    ),
  );
  // Accepted by the server, still being answered.
  await new Promise((resolve) => setTimeout(resolve, 150));
  process.kill(-child.pid!, 'SIGINT');
  const inFlight = await Promise.all(requests);
  const { code, signal } = await exited;
  return { exitCode: code, signal, stdout, stderr, inFlight };
}

function expectCleanStop(run: Run) {
  const report = `stderr:\n${run.stderr}\nstdout (end):\n${run.stdout.slice(-4000)}`;
  expect(run.signal, report).toBeNull();
  expect(run.exitCode, report).toBe(0);
  expect(run.stderr, report).not.toMatch(/Unhandled|Error|\n\s+at /);
  // Nothing logged at error or fatal level (pino 50, 60) while stopping.
  expect(run.stdout, report).not.toMatch(/"level":(50|60)/);
  expect(run.stdout).toMatch(/"msg":"stopped"/);
  // Requests in flight at Ctrl-C were answered before the stop.
  expect(run.inFlight, report).toEqual([200, 200, 200, 200, 200]);
  // PostgreSQL stopped too (it removes its pid file on a clean shutdown).
  expect(existsSync(join(DATA_DIR, 'pg', 'postmaster.pid'))).toBe(false);
}

describe('Ctrl-C stops the launcher cleanly', { timeout: 600_000 }, () => {
  afterAll(async () => {
    await rm(DATA_DIR, { recursive: true, force: true });
  });

  it('exits 0 three times in a row (the first start seeds, later ones reuse the data)', async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) expectCleanStop(await startAndInterrupt('in-process'));
  });

  it('exits 0 in distributed mode, subgraph processes included', async () => {
    expectCleanStop(await startAndInterrupt('distributed'));
  });

  it('a start that fails says what failed and what to do, and exits 1', async () => {
    // Someone else holds the embedded PostgreSQL's port.
    const squatter = createServer();
    const pgPort = await freePort();
    await new Promise<void>((resolve) => squatter.listen(pgPort, '127.0.0.1', resolve));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, ADMIN_CONSOLE: 'off', DATA_DIR, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(pgPort) };
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${pgPort}`);
      expect(stderr).toContain('set EMBEDDED_PG_PORT');
      expect(stderr).not.toMatch(/^undefined$/m);
    } finally {
      squatter.close();
    }
  });
});
