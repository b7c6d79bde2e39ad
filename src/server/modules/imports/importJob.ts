// Runs one claimed import: reads the stored file from the top, skips the rows a
// previous run already applied, and applies the rest in batches. Each batch is one
// transaction that also moves the job's counters on, guarded by the count it
// started from, so a batch is applied once even if two servers think they own the job.
import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { AppContext } from '../../context';
import { type Db, queryRows } from '../../db/client';
import { IMPORT_ERROR_CAP, imports, users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import type { Viewer } from '../customers/customers.service';
import { customersProcessor } from './customersImport';
import type { ImportError, ImportSummary, Mapping } from './imports.schema';
import { FileRefused } from './readers/fileRefused';
import { openSheet, type Sheet, type SheetRow } from './readers/sheet';
import { salesProcessor } from './salesImport';
import { openTable, resolveMapping } from './table';

export type ImportRow = typeof imports.$inferSelect;

export const BATCH_SIZE = 1000;

/** Another server took the job over (its heartbeat looked stale): stop without writing. */
export class LostClaim extends Error {}

/** A row after reading: skipped, refused with a reason, or an item for the database. */
export interface Prepared<T> {
  row: SheetRow;
  skip?: 'blank' | 'subtotal';
  problem?: string;
  item?: T;
}

export interface RowProcessor<T> {
  /** Reads rows (pure but for in-file state such as repeated-line counts). */
  prepare(rows: readonly SheetRow[]): Prepared<T>[];
  /** Writes the items of one batch inside its transaction. */
  apply(tx: Db, items: readonly Prepared<T>[], state: JobState): Promise<void>;
  /** A batch's transaction committed. */
  afterCommit?(): void;
  /** After the last batch (outside any transaction). */
  finish?(): Promise<void>;
}

export interface ProcessorInput {
  ctx: AppContext;
  job: ImportRow;
  viewer: Viewer;
  sheet: Sheet;
  headers: string[];
  columns: Record<string, number>;
  mapping: Mapping;
}

/** The job's counters as the next progress write will store them. */
export class JobState {
  processed: number;
  imported: number;
  skipped: number;
  failed: number;
  total: number;
  errors: ImportError[];
  summary: ImportSummary;
  /** How many errors the job row holds: the list is only written again when it grows. */
  savedErrors: number;

  constructor(job: ImportRow) {
    this.processed = job.processed;
    this.imported = job.imported;
    this.skipped = job.skipped;
    this.failed = job.failed;
    this.total = job.total;
    this.errors = [...(job.errors as ImportError[])];
    this.savedErrors = this.errors.length;
    this.summary = structuredClone(job.summary as ImportSummary);
  }

  fail(row: number, message: string): void {
    this.failed += 1;
    if (this.errors.length < IMPORT_ERROR_CAP) this.errors.push({ row, message });
  }

  count(
    key:
      | 'alreadyImported'
      | 'updatedLines'
      | 'createdCustomers'
      | 'updatedCustomers'
      | 'createdContacts'
      | 'duplicates',
    by = 1,
  ): void {
    this.summary[key] = (this.summary[key] ?? 0) + by;
  }

  snapshot(): JobState {
    const copy = Object.create(JobState.prototype) as JobState;
    Object.assign(copy, structuredClone({ ...this }));
    return copy;
  }

  restore(from: JobState): void {
    Object.assign(this, structuredClone({ ...from }));
  }
}

export interface JobControl {
  /** True when the server is shutting down: stop after the current batch. */
  stopping(): boolean;
  onProgress?(state: JobState): void;
}

export type JobOutcome = 'done' | 'failed' | 'stopped' | 'lost';

/**
 * Keeps the planner's picture of the customers table current while a job fills it.
 * PGlite runs no autovacuum: a table never analyzed looks empty, and the foreign-key
 * check of every inserted line then scans the customers heap instead of its key
 * (a 200,000-line import spent most of its time there). ANALYZE again whenever the
 * customers this job created have doubled.
 */
export function customerStatistics() {
  let created = 0;
  let analyzedAt = 0;
  return async (tx: Db, newCustomers: number): Promise<void> => {
    created += newCustomers;
    if (newCustomers > 0 && created >= Math.max(500, analyzedAt * 2)) {
      await tx.execute(sql`analyze customers`);
      analyzedAt = created;
    }
  };
}

/** Runs a job this process has claimed, to the end or until asked to stop. */
export async function runImportJob(
  ctx: AppContext,
  job: ImportRow,
  control: JobControl,
): Promise<JobOutcome> {
  const db = ctx.database.db;
  const state = new JobState(job);
  try {
    // Read as base64 text, as it was written (PGlite is slow with large bytea values).
    const [file] = await queryRows<{ content: string }>(
      db,
      sql`select encode(content, 'base64') as content from import_files
        where org_id = ${job.orgId} and import_id = ${job.id}`,
    );
    if (!file) throw new FileRefused('is no longer stored');
    const sheet = await openSheet(Buffer.from(file.content, 'base64'), {
      maxRows: ctx.config.importMaxRows,
      maxUnzippedBytes: ctx.config.importMaxUnzippedBytes,
    });
    const table = await openTable(sheet, job.kind);
    const { columns, mapping } = resolveMapping(job.kind, table.headers, job.mapping as Mapping);
    const viewer = await jobViewer(db, job);
    state.total = Math.max(0, sheet.rowCount - table.rowsAbove);
    await db.execute(sql`analyze customers`);
    const input = { ctx, job, viewer, sheet, headers: table.headers, columns, mapping };
    const processor: RowProcessor<unknown> =
      job.kind === 'sales' ? salesProcessor(input) : await customersProcessor(input);

    let index = 0;
    let batch: SheetRow[] = [];
    for await (const row of table.rows) {
      index += 1;
      // Rows of batches committed before a restart: read again only for in-file state.
      if (index <= job.processed) {
        processor.prepare([row]);
        continue;
      }
      batch.push(row);
      if (batch.length >= BATCH_SIZE) {
        await commitBatch(db, ctx.clock, job, processor, processor.prepare(batch), state);
        control.onProgress?.(state);
        batch = [];
        if (control.stopping()) return 'stopped';
      }
    }
    if (batch.length > 0) {
      await commitBatch(db, ctx.clock, job, processor, processor.prepare(batch), state);
    }
    await finishJob(db, job, state, 'done', ctx.clock.now());
    control.onProgress?.(state);
    await processor.finish?.();
    return 'done';
  } catch (error) {
    if (error instanceof LostClaim) return 'lost';
    const reason =
      error instanceof FileRefused
        ? `The file ${error.message}`
        : error instanceof AppError
          ? error.message
          : 'The import stopped on an internal error';
    if (!(error instanceof FileRefused || error instanceof AppError)) {
      ctx.log.error({ err: error, importId: job.id }, 'import failed');
    }
    state.summary.error = reason;
    await finishJob(db, job, state, 'failed', ctx.clock.now()).catch(() => undefined);
    return 'failed';
  }
}

async function jobViewer(db: Db, job: ImportRow): Promise<Viewer> {
  const [user] = await db
    .select({
      id: users.id,
      orgId: users.orgId,
      role: users.role,
      teamId: users.teamId,
      active: users.active,
    })
    .from(users)
    .where(and(eq(users.orgId, job.orgId), eq(users.id, job.createdBy)));
  if (!user?.active)
    throw new AppError('forbidden', 'The user who started this import is no longer active');
  return user;
}

/** One batch in one transaction; a batch the database refuses is retried row by row. */
async function commitBatch<T>(
  db: Db,
  clock: Clock,
  job: ImportRow,
  processor: RowProcessor<T>,
  prepared: Prepared<T>[],
  state: JobState,
): Promise<void> {
  const before = state.snapshot();
  try {
    await db.transaction(async (tx) => {
      // A batch lost in a crash is simply applied again when the job resumes (its
      // progress row commits with it), so commits need not wait for the disk.
      await tx.execute(sql`set local synchronous_commit = off`);
      for (const entry of prepared) {
        if (entry.skip) {
          state.skipped += 1;
          if (entry.skip === 'blank') state.summary.skippedBlank += 1;
          else state.summary.skippedSubtotal += 1;
        } else if (entry.problem) {
          state.fail(entry.row.number, entry.problem);
        }
      }
      await processor.apply(
        tx,
        prepared.filter((entry) => entry.item !== undefined),
        state,
      );
      // Reading and writing find problems at different steps; report them in row order.
      const added = state.errors.splice(before.errors.length);
      state.errors.push(...added.sort((a, b) => a.row - b.row));
      state.processed = before.processed + prepared.length;
      await saveProgress(tx, job, state, before.processed, clock.now());
    });
    processor.afterCommit?.();
  } catch (error) {
    state.restore(before);
    if (error instanceof LostClaim) throw error;
    const [only] = prepared;
    if (prepared.length > 1 || !only) {
      for (const entry of prepared) await commitBatch(db, clock, job, processor, [entry], state);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    state.fail(only.row.number, `could not be saved: ${message.slice(0, 200)}`);
    state.processed = before.processed + 1;
    await db.transaction((tx) => saveProgress(tx, job, state, before.processed, clock.now()));
  }
}

async function saveProgress(tx: Db, job: ImportRow, state: JobState, expected: number, now: Date) {
  const saved = await tx
    .update(imports)
    .set({
      processed: state.processed,
      imported: state.imported,
      skipped: state.skipped,
      failed: state.failed,
      total: Math.max(state.total, state.processed),
      ...(state.errors.length !== state.savedErrors ? { errors: state.errors } : {}),
      summary: state.summary,
      heartbeatAt: now,
    })
    .where(
      and(
        eq(imports.orgId, job.orgId),
        eq(imports.id, job.id),
        eq(imports.status, 'running'),
        eq(imports.processed, expected),
      ),
    )
    .returning({ id: imports.id });
  if (saved.length === 0) throw new LostClaim();
  state.savedErrors = state.errors.length;
}

async function finishJob(
  db: Db,
  job: ImportRow,
  state: JobState,
  status: 'done' | 'failed',
  now: Date,
): Promise<void> {
  // The end of an import is in the audit log with its counts, committed with the status.
  await db.transaction(async (tx) => {
    const saved = await tx
      .update(imports)
      .set({
        status,
        total: status === 'done' ? state.processed : Math.max(state.total, state.processed),
        processed: state.processed,
        imported: state.imported,
        skipped: state.skipped,
        failed: state.failed,
        errors: state.errors,
        summary: state.summary,
        finishedAt: now,
        heartbeatAt: now,
      })
      .where(
        and(
          eq(imports.orgId, job.orgId),
          eq(imports.id, job.id),
          eq(imports.status, 'running'),
          eq(imports.processed, state.processed),
        ),
      )
      .returning({ id: imports.id });
    if (saved.length === 0) throw new LostClaim();
    await recordAudit(tx, {
      orgId: job.orgId,
      userId: job.createdBy,
      action: status === 'done' ? 'import_done' : 'import_failed',
      entity: 'import',
      entityId: job.id,
      changes: {
        kind: job.kind,
        processed: state.processed,
        imported: state.imported,
        skipped: state.skipped,
        failed: state.failed,
      },
    });
  });
}
