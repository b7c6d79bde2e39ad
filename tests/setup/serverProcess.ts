import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { databaseUrlWithName } from './databases';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const PROCESS_ADMIN = { email: 'admin@multi.local', password: 'admin-password-1' };

/** A free loopback port (the OS picks one; a tiny race with other processes is acceptable). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A fresh, empty PostgreSQL database (the servers migrate it themselves) and its dropper. */
export async function scratchDatabase(label: string) {
  const url = process.env.TEST_DATABASE_URL as string;
  const name = `crm_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: databaseUrlWithName(url, name),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process logged (pino JSON lines). */
  log(): string;
  /** Resolves once /api/health answers. */
  ready(): Promise<void>;
  /** SIGKILL: no shutdown hooks run. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** `node bin/crm.mjs start` in test mode on its own port against `databaseUrl`. */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/crm.mjs', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      CRM_ADMIN_EMAIL: PROCESS_ADMIN.email,
      CRM_ADMIN_PASSWORD: PROCESS_ADMIN.password,
      CRM_TEST_MODE: 'true',
      LOG_LEVEL: 'info',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      WEB_DIST_DIR: path.join(ROOT, 'tests/setup/no-web-build'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    log: () => output,
    async ready() {
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`server exited: ${output.slice(-2000)}`);
        try {
          if ((await fetch(`${url}/api/health`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`server on ${url} did not start: ${output.slice(-2000)}`);
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** JSON over fetch with a bearer token. */
export async function callProcess(
  server: { url: string },
  method: string,
  route: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: () => unknown; headers: Headers; text: string }> {
  const response = await fetch(`${server.url}/api/v1${route}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}
