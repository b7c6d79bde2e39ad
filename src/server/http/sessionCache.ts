// The session lookup was one of the two statements of every customers-list request (a third of
// its PostgreSQL time and a round trip). A session resolved in the last SESSION_CACHE_MS is
// taken from here instead. A change to a user's sessions or to what a session carries (logout,
// role, team, active flag, name, language) is announced with NOTIFY, and every server on the
// database forgets that user's entries as it arrives; on PostgreSQL the cache is used only
// while its LISTEN connection is up, so a server that could miss an announcement asks the
// database every time. The TTL bounds what a change made outside the app (SQL, the CLI) takes.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { AppContext } from '../context';
import type { AuthUser } from '../modules/auth/auth.service';

export type CachedSession = AuthUser & { sessionId: string; locale: string | null };

interface Entry {
  session: CachedSession;
  cachedAt: number;
  until: number;
}

const CHANNEL = 'crm_session_changes';
/** Entries kept at most; past it the oldest go first (a Map iterates in insertion order). */
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1000;

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** False while a PostgreSQL server is not listening for changes: nothing is cached then. */
  private live: boolean;
  private listener: pg.Client | null = null;
  private closed = false;
  private readonly listening: Promise<void>;

  constructor(
    private readonly ttlMs: number,
    private readonly connection: pg.ClientConfig | null,
  ) {
    this.live = connection === null;
    this.listening = connection && ttlMs > 0 ? this.listen() : Promise.resolve();
  }

  /** Settles once the first attempt to listen for changes has (the cache is live if it worked). */
  ready(): Promise<void> {
    return this.listening;
  }

  /** The session of `token` if resolved within the TTL, and not expired, as of `now`. */
  get(token: string, now: Date): CachedSession | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    const at = now.getTime();
    // A clock moved back (tests move it) is not trusted either.
    if (!this.live || at >= entry.until || at < entry.cachedAt) {
      this.entries.delete(token);
      return null;
    }
    return entry.session;
  }

  set(token: string, session: CachedSession, now: Date, expiresAt: Date | null): void {
    if (this.ttlMs <= 0 || !this.live) return;
    const at = now.getTime();
    const until = Math.min(at + this.ttlMs, expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    this.entries.delete(token);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { session, cachedAt: at, until });
  }

  forgetUser(userId: string): void {
    for (const [token, entry] of this.entries) {
      if (entry.session.id === userId) this.entries.delete(token);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    this.entries.clear();
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.closed || !this.connection) return;
    const client = new pg.Client(this.connection);
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      this.live = false;
      this.entries.clear();
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.payload) this.forgetUser(message.payload);
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      if (this.closed) await client.end();
      else this.live = true;
    } catch {
      lost();
    }
  }
}

const caches = new WeakMap<AppContext['database'], SessionCache>();

/** The app's session cache: one per open database, as a server has one. */
export function sessionCacheOf(ctx: Pick<AppContext, 'database' | 'config'>): SessionCache {
  let cache = caches.get(ctx.database);
  if (!cache) {
    const pool = ctx.database.pool as (pg.Pool & { options: pg.ClientConfig }) | null;
    cache = new SessionCache(ctx.config.sessionCacheMs, pool ? { ...pool.options } : null);
    caches.set(ctx.database, cache);
  }
  return cache;
}

/**
 * After a change to a user's sessions or to what they carry: this server forgets the user's
 * entries now, the others when the notification reaches them (sent at once: the change is
 * committed by then).
 */
export async function sessionsChanged(ctx: AppContext, userId: string): Promise<void> {
  sessionCacheOf(ctx).forgetUser(userId);
  if (ctx.database.kind === 'postgres') {
    await ctx.database.query(sql`select pg_notify(${CHANNEL}, ${userId})`);
  }
}
