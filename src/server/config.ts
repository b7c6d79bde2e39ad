import path from 'node:path';

/** Every setting, read once from the environment with its documented default (see README). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminEmail: string | null;
  adminPassword: string | null;
  logLevel: string;
  sessionTtlHours: number;
  /** How long a resolved session is reused without asking the database (0: never). */
  sessionCacheMs: number;
  /** Origins allowed to make cookie-authenticated state-changing requests, besides the server's own. */
  allowedOrigins: string[];
  webDistDir: string;
  loginRateLimitPerMinute: number;
  uploadMaxBytes: number;
  /** Rows an imported sheet may have (title and header rows included). */
  importMaxRows: number;
  /** Bytes an uploaded .xlsx may unpack to (zip-bomb guard). */
  importMaxUnzippedBytes: number;
  /** A running import whose heartbeat is older than this was left by a dead server: take it over. */
  importStaleAfterMs: number;
  trustProxy: boolean;
  /** Test mode lets the clock be moved through an endpoint; never enable in production. */
  testMode: boolean;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || null,
    adminEmail: env.CRM_ADMIN_EMAIL || null,
    adminPassword: env.CRM_ADMIN_PASSWORD || null,
    logLevel: env.LOG_LEVEL || 'info',
    sessionTtlHours: intFrom(env, 'SESSION_TTL_HOURS', 24 * 14),
    sessionCacheMs: intFrom(env, 'SESSION_CACHE_MS', 5000),
    allowedOrigins: (env.ALLOWED_ORIGINS || '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    webDistDir: path.resolve(env.WEB_DIST_DIR || 'dist/web'),
    loginRateLimitPerMinute: intFrom(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 10),
    uploadMaxBytes: intFrom(env, 'UPLOAD_MAX_BYTES', 50 * 1024 * 1024),
    importMaxRows: intFrom(env, 'IMPORT_MAX_ROWS', 1_000_000),
    importMaxUnzippedBytes: intFrom(env, 'IMPORT_MAX_UNZIPPED_BYTES', 1024 * 1024 * 1024),
    importStaleAfterMs: intFrom(env, 'IMPORT_STALE_AFTER_MS', 30_000),
    trustProxy: env.TRUST_PROXY === 'true',
    testMode: env.CRM_TEST_MODE === 'true',
  };
}
