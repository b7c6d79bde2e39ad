// Backups of either database: PGlite's own data-directory dump, or pg_dump's custom format for a
// PostgreSQL server. Both are checked by comparing every table's row count and checksum.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from './client';

const run = promisify(execFile);

/** The first bytes of each kind of backup file, to refuse restoring one into the other. */
const GZIP_MAGIC = [0x1f, 0x8b];
const PG_CUSTOM_MAGIC = 'PGDMP';

export interface TableDigest {
  table: string;
  rows: number;
  /** md5 over the table's rows in a stable order. */
  checksum: string;
}

/** Row count and content checksum of every table of the app (and of its migrations log). */
export async function tableDigests(database: Database): Promise<TableDigest[]> {
  const tables = await queryRows<{ schema: string; name: string }>(
    database.db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
      where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE'
      order by table_schema, table_name`,
  );
  const digests: TableDigest[] = [];
  for (const { schema, name } of tables) {
    const table = sql.raw(`"${schema}"."${name}"`);
    const [row] = await queryRows<{ rows: number; checksum: string | null }>(
      database.db,
      sql`select count(*)::int as rows,
          md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as checksum
        from ${table} t`,
    );
    digests.push({
      table: `${schema}.${name}`,
      rows: row?.rows ?? 0,
      checksum: row?.checksum ?? '',
    });
  }
  return digests;
}

/** Writes a backup of the open database to `file`. */
export async function backupDatabase(
  database: Database,
  target: { file: string; databaseUrl: string | null },
): Promise<void> {
  if (database.pglite) {
    const dump = await database.pglite.dumpDataDir('gzip');
    writeFileSync(target.file, Buffer.from(await dump.arrayBuffer()));
    return;
  }
  if (!target.databaseUrl) throw new Error('A PostgreSQL backup needs DATABASE_URL');
  await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    `--file=${target.file}`,
    target.databaseUrl,
  ]);
}

function kindOfFile(file: string): 'pglite' | 'postgres' | null {
  const head = readFileSync(file).subarray(0, 5);
  if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return 'pglite';
  if (head.toString('latin1') === PG_CUSTOM_MAGIC) return 'postgres';
  return null;
}

/**
 * Restores `file` into the configured database: into an empty DATA_DIR for PGlite (a
 * restore never overwrites data), or over the PostgreSQL database with pg_restore --clean.
 */
export async function restoreDatabase(
  file: string,
  target: { dataDir: string; databaseUrl: string | null },
): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  const kind = kindOfFile(file);
  if (kind === null) throw new Error(`${file} is not a backup made by crm backup`);
  if (target.databaseUrl) {
    if (kind !== 'postgres') {
      throw new Error(`${file} is an embedded-database backup; unset DATABASE_URL to restore it`);
    }
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
    return;
  }
  if (kind !== 'pglite') {
    throw new Error(`${file} is a PostgreSQL backup; set DATABASE_URL to restore it`);
  }
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    throw new Error(`${target.dataDir} is not empty: restore into an empty DATA_DIR`);
  }
  const database = await openDatabase({
    dataDir: target.dataDir,
    loadDataDir: new Blob([readFileSync(file)]),
  });
  await database.close();
}
