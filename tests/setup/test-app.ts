import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/server/app';
import { AdjustableClock } from '../../src/server/clock';
import { type Config, loadConfig } from '../../src/server/config';
import { bootstrapDatabase } from '../../src/server/db/bootstrap';
import type { Database } from '../../src/server/db/client';
import { openTestDatabase } from './databases';

export const ADMIN_EMAIL = 'admin@test.local';
export const ADMIN_PASSWORD = 'admin-password-1';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: AdjustableClock;
  config: Config;
  orgId: string;
  adminToken: string;
  /** Logs in and returns the bearer token. */
  login(email: string, password: string): Promise<string>;
  /** An HTTP call with a bearer token; body sent as JSON. */
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config: Config = {
    ...loadConfig({}),
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    loginRateLimitPerMinute: 1000,
    logLevel: 'silent',
    testMode: true,
    ...overrides,
  };
  const { orgId } = await bootstrapDatabase(database.db, config);
  const clock = new AdjustableClock();
  const app = await buildApp({
    database,
    clock,
    config,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  await app.ready();

  const call: TestApp['call'] = (method, url, options = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
  const login = async (email: string, password: string) => {
    const response = await call('POST', '/api/v1/auth/login', { body: { email, password } });
    if (response.statusCode !== 200) {
      throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
    }
    return response.json().token as string;
  };
  const adminToken = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
  return {
    app,
    database,
    clock,
    config,
    orgId,
    adminToken,
    login,
    call,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
