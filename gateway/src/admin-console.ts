import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from '@shop/kit';

export const WEB_ADMIN_DIR = fileURLToPath(new URL('../../web-admin/', import.meta.url));
const NEXT_BIN = join(WEB_ADMIN_DIR, 'node_modules/.bin/next');
const SOURCES = ['app', 'components', 'gql', 'lib', 'messages', 'i18n', 'proxy.ts', 'next.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Whether web-admin has no production build or its sources changed since. */
export function adminBuildIsStale(): boolean {
  const buildId = join(WEB_ADMIN_DIR, '.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(WEB_ADMIN_DIR, source)) > built);
}

const env = () => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });

/** `next build` when stale: a production console, not a slow dev server. */
export function buildAdminConsole(): void {
  if (!adminBuildIsStale()) return;
  log.info('building the admin console (first start takes a minute or two)');
  const result = spawnSync(NEXT_BIN, ['build'], { cwd: WEB_ADMIN_DIR, env: env(), stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
}

/** Starts `next start` against the gateway; resolves once it answers. */
export async function startAdminConsole(options: {
  port: number;
  gatewayUrl: string;
  /** Lets the console forward the visitor's address (gateway/src/auth/principal.ts); none: it does not. */
  forwardingSecret?: string;
}): Promise<ChildProcess> {
  buildAdminConsole();
  const child = spawn(NEXT_BIN, ['start', '-p', String(options.port), '-H', '127.0.0.1'], {
    cwd: WEB_ADMIN_DIR,
    env: {
      ...env(),
      GATEWAY_URL: options.gatewayUrl,
      ...(options.forwardingSecret && { CONSOLE_FORWARDING_SECRET: options.forwardingSecret }),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`admin console exited with code ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${options.port}/`, { redirect: 'manual' })
      .then(() => true)
      .catch(() => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error('admin console did not start within 60 s');
}
