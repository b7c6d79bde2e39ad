// Imports run in the background of whichever server process claims them. A claim is
// one UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED), so two processes on one
// database never take the same job; a running job whose heartbeat has gone quiet
// (its server died) is claimed again and continues from its `processed` count.
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { queryRows } from '../db/client';
import { imports } from '../db/schema';
import {
  type ImportRow,
  type JobOutcome,
  type JobState,
  runImportJob,
} from '../modules/imports/importJob';

export interface ImportRunnerOptions {
  /** A running job whose heartbeat is older than this is taken over. */
  staleAfterMs: number;
  heartbeatMs: number;
  pollMs: number;
}

const DEFAULTS: ImportRunnerOptions = { staleAfterMs: 30_000, heartbeatMs: 5_000, pollMs: 5_000 };

export interface ImportRunner {
  /** Polls for queued and abandoned jobs until stopped (the server calls this at start-up). */
  start(): void;
  /** A job was queued: run it now if this process is idle. */
  kick(): void;
  /** Runs a job the caller already claimed (the CLI creates its job as running). */
  run(job: ImportRow, onProgress?: (state: JobState) => void): Promise<JobOutcome>;
  /** Resolves when no job is running in this process. */
  idle(): Promise<void>;
  /** Finishes the current batch, hands the job back to the queue, stops polling. */
  stop(): Promise<void>;
}

const runners = new WeakMap<AppContext, ImportRunner>();

/** The one runner of a server context. */
export function importRunnerFor(ctx: AppContext, options: Partial<ImportRunnerOptions> = {}) {
  let runner = runners.get(ctx);
  if (!runner) {
    runner = createImportRunner(ctx, { ...DEFAULTS, ...options });
    runners.set(ctx, runner);
  }
  return runner;
}

function createImportRunner(ctx: AppContext, options: ImportRunnerOptions): ImportRunner {
  const db = ctx.database.db;
  let stopping = false;
  let draining: Promise<void> | null = null;
  let poll: NodeJS.Timeout | null = null;
  let wakeAgain = false;

  async function claimNext(): Promise<ImportRow | null> {
    const now = ctx.clock.now();
    const staleBefore = new Date(now.getTime() - options.staleAfterMs);
    const [claimed] = await queryRows<{ org_id: string; id: string; was: string }>(
      db,
      sql`update imports i set status = 'running', started_at = coalesce(i.started_at, ${now}),
          heartbeat_at = ${now}
        from (select org_id, id, status from imports
          where status = 'queued'
            or (status = 'running' and (heartbeat_at is null or heartbeat_at < ${staleBefore}))
          order by created_at, id
          limit 1
          for update skip locked) pick
        where i.org_id = pick.org_id and i.id = pick.id
        returning i.org_id, i.id, pick.status as was`,
    );
    if (!claimed) return null;
    const [job] = await db
      .select()
      .from(imports)
      .where(and(eq(imports.orgId, claimed.org_id), eq(imports.id, claimed.id)));
    if (job && claimed.was === 'running') {
      ctx.log.warn(
        { importId: job.id, orgId: job.orgId, processed: job.processed, total: job.total },
        'resuming an import its server left unfinished, from its committed progress',
      );
    }
    return job ?? null;
  }

  async function runClaimed(job: ImportRow, onProgress?: (state: JobState) => void) {
    const heartbeat = setInterval(() => {
      db.update(imports)
        .set({ heartbeatAt: ctx.clock.now() })
        .where(
          and(eq(imports.orgId, job.orgId), eq(imports.id, job.id), eq(imports.status, 'running')),
        )
        .catch((error: unknown) => ctx.log.warn({ err: error }, 'import heartbeat failed'));
    }, options.heartbeatMs);
    heartbeat.unref();
    try {
      const outcome = await runImportJob(ctx, job, { stopping: () => stopping, onProgress });
      if (outcome === 'stopped') {
        // Back to the queue, so the next server to start picks it up at once.
        await db
          .update(imports)
          .set({ status: 'queued' })
          .where(
            and(
              eq(imports.orgId, job.orgId),
              eq(imports.id, job.id),
              eq(imports.status, 'running'),
            ),
          );
      }
      return outcome;
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function drain(): Promise<void> {
    do {
      wakeAgain = false;
      while (!stopping) {
        const job = await claimNext();
        if (!job) break;
        await runClaimed(job);
      }
    } while (wakeAgain && !stopping);
  }

  function kick(): void {
    if (stopping) return;
    if (draining) {
      wakeAgain = true;
      return;
    }
    draining = drain()
      .catch((error: unknown) => ctx.log.error({ err: error }, 'import runner failed'))
      .finally(() => {
        draining = null;
      });
  }

  /** At start-up: says which imports a stopped server left running (they resume once stale). */
  async function reportInterrupted(): Promise<void> {
    const left = await queryRows<{ id: string; org_id: string; processed: number; total: number }>(
      db,
      sql`select id, org_id, processed, total from imports where status = 'running'
        order by created_at, id`,
    );
    for (const job of left) {
      ctx.log.warn(
        { importId: job.id, orgId: job.org_id, processed: job.processed, total: job.total },
        'found an import left running (a stopped server, or another one still at work)',
      );
    }
  }

  return {
    start() {
      if (poll || stopping) return;
      reportInterrupted().catch((error: unknown) =>
        ctx.log.error({ err: error }, 'reading interrupted imports failed'),
      );
      poll = setInterval(kick, options.pollMs);
      poll.unref();
      kick();
    },
    kick,
    run: runClaimed,
    async idle() {
      while (draining) await draining;
    },
    async stop() {
      stopping = true;
      if (poll) clearInterval(poll);
      poll = null;
      while (draining) await draining;
    },
  };
}
