import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { and, asc, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { systemClock } from '../server/clock';
import { loadConfig } from '../server/config';
import type { AppContext } from '../server/context';
import { bootstrapDatabase } from '../server/db/bootstrap';
import { openDatabase } from '../server/db/client';
import { imports, users } from '../server/db/schema';
import { AppError } from '../server/http/errors';
import { importRunnerFor } from '../server/jobs/importRunner';
import type { JobState } from '../server/modules/imports/importJob';
import { createImport, getImport } from '../server/modules/imports/imports.service';

export interface ImportAction {
  kind: string;
  file: string;
  mapping?: string;
  createCustomers: boolean;
  onDuplicate: string;
  as?: string;
}

const MAX_ERRORS_SHOWN = 20;

function progressPrinter() {
  let lastTenth = -1;
  return (state: JobState) => {
    const total = Math.max(state.total, state.processed, 1);
    const share = state.processed / total;
    const line = `${state.processed.toLocaleString('en')} / ${total.toLocaleString('en')} rows (${Math.floor(share * 100)}%) · imported ${state.imported} · skipped ${state.skipped} · failed ${state.failed}`;
    if (process.stderr.isTTY) {
      const width = 24;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line}`);
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

/** Runs an import in this process through the same service as POST /imports. */
export async function runImportCommand(action: ImportAction): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const { orgId } = await bootstrapDatabase(database.db, config);
    const ctx: AppContext = { database, clock: systemClock, config, log: pino({ level: 'warn' }) };
    const [user] = await database.db
      .select({ id: users.id, orgId: users.orgId, role: users.role, teamId: users.teamId })
      .from(users)
      .where(
        and(
          eq(users.orgId, orgId),
          eq(users.active, true),
          action.as
            ? sql`lower(${users.email}) = ${action.as.toLowerCase()}`
            : eq(users.role, 'admin'),
        ),
      )
      .orderBy(asc(users.createdAt))
      .limit(1);
    if (!user)
      throw new Error(action.as ? `No active user with email ${action.as}` : 'No active admin');

    let created: { id: string };
    try {
      created = await createImport(
        ctx,
        { ...user, ip: 'cli' },
        {
          fileName: path.basename(action.file),
          bytes: readFileSync(action.file),
          fields: {
            kind: action.kind,
            createCustomers: String(action.createCustomers),
            onDuplicate: action.onDuplicate,
            ...(action.mapping ? { mapping: action.mapping } : {}),
          },
        },
        { claim: true },
      );
    } catch (error) {
      if (error instanceof AppError && error.errors) {
        const lines = (error.errors as { field: string; message: string }[]).map(
          (e) => `  ${e.field.replace(/^body\./, '')}: ${e.message}`,
        );
        throw new Error(`Import refused:\n${lines.join('\n')}`);
      }
      throw error;
    }
    const [job] = await database.db
      .select()
      .from(imports)
      .where(and(eq(imports.orgId, orgId), eq(imports.id, created.id)));
    if (!job) throw new Error('The import was not stored');
    await importRunnerFor(ctx).run(job, progressPrinter());
    if (process.stderr.isTTY) process.stderr.write('\n');

    const result = await getImport(database.db, { ...user, role: 'admin' }, created.id);
    const summary = result.summary;
    console.log(`Import ${result.id}: ${result.status}`);
    console.log(
      `  rows ${result.processed} · imported ${result.imported} · skipped ${result.skipped} (blank ${summary.skippedBlank}, subtotal ${summary.skippedSubtotal}${summary.alreadyImported ? `, already imported ${summary.alreadyImported}` : ''}${summary.duplicates ? `, duplicates ${summary.duplicates}` : ''}) · failed ${result.failed}`,
    );
    if (summary.createdCustomers) console.log(`  new customers: ${summary.createdCustomers}`);
    if (summary.updatedCustomers) console.log(`  updated customers: ${summary.updatedCustomers}`);
    if (summary.unknownOwners?.length) {
      console.log(`  owners not found: ${summary.unknownOwners.join(', ')}`);
    }
    if (summary.error) console.log(`  stopped: ${summary.error}`);
    for (const error of result.errors.slice(0, MAX_ERRORS_SHOWN)) {
      console.log(`  row ${error.row}: ${error.message}`);
    }
    if (result.failed > MAX_ERRORS_SHOWN) {
      console.log(
        `  … ${result.failed - MAX_ERRORS_SHOWN} more (GET /api/v1/imports/${result.id})`,
      );
    }
    if (result.status !== 'done') process.exitCode = 1;
  } finally {
    await database.close();
  }
}

export function importCommands(program: Command, run: (action: ImportAction) => Promise<void>) {
  program
    .command('import')
    .description('import a sales report or a customer list (.xlsx, .xls, .csv in UTF-8 or GBK)')
    .argument('<kind>', 'sales | customers')
    .argument('<file>', 'the file to import')
    .option(
      '--mapping <json>',
      'field → column header, e.g. \'{"amount":"价税合计"}\' (default: guessed)',
    )
    .option('--no-create-customers', 'sales: report unknown customers instead of creating them')
    .option('--on-duplicate <mode>', 'customers: skip | update | create', 'skip')
    .option('--as <email>', 'the user the import is made as (default: the first admin)')
    .action((kind: string, file: string, options) =>
      run({
        kind,
        file,
        mapping: options.mapping,
        createCustomers: options.createCustomers,
        onDuplicate: options.onDuplicate,
        as: options.as,
      }),
    );
}
