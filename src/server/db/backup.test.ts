import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrlWithName } from '../../../tests/setup/databases';
import { buildUser } from '../../../tests/setup/factories';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app';
import { backupDatabase, restoreDatabase, tableDigests } from './backup';
import { openDatabase } from './client';

let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'crm-backup-'));
  const rep = await buildUser(t);
  for (const name of ['上海华远科技有限公司', "O'Brien & Söhne GmbH", 'Line\nbreak Ltd']) {
    const created = await t.call('POST', '/api/v1/customers', {
      token: rep.token,
      body: { name, tags: ['备份'], confirmDuplicate: true },
    });
    expect(created.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A database URL of the test database's server with another database name. */
function urlOf(database: string): string {
  return databaseUrlWithName(process.env.TEST_DATABASE_URL as string, database);
}

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('crm backup and restore', () => {
  it('round-trips every table: same row counts and checksums', async () => {
    const before = await tableDigests(t.database);
    expect(before.find((d) => d.table === 'public.customers')?.rows).toBe(3);
    const file = path.join(dir, 'crm.backup');
    if (t.database.kind === 'pglite') {
      await backupDatabase(t.database, { file, databaseUrl: null });
      const dataDir = path.join(dir, 'restored');
      await restoreDatabase(file, { dataDir, databaseUrl: null });
      const restored = await openDatabase({ dataDir });
      try {
        expect(await tableDigests(restored)).toEqual(before);
      } finally {
        await restored.close();
      }
    } else {
      const options = t.database.pool?.options as { connectionString?: string } | undefined;
      await backupDatabase(t.database, { file, databaseUrl: options?.connectionString ?? null });
      const name = `crm_restore_${process.pid}_${Date.now()}`;
      await admin(`create database ${name}`);
      try {
        await restoreDatabase(file, { dataDir: dir, databaseUrl: urlOf(name) });
        const restored = await openDatabase({ databaseUrl: urlOf(name), poolSize: 2 });
        try {
          expect(await tableDigests(restored)).toEqual(before);
        } finally {
          await restored.close();
        }
      } finally {
        await admin(`drop database if exists ${name} with (force)`);
      }
    }
    // A dump and a restore of every table: 20 s at CI load 14.
  }, 120_000);

  it('refuses a file that is no backup, and an embedded restore over existing data', async () => {
    const junk = path.join(dir, 'junk.backup');
    writeFileSync(junk, 'not a backup at all');
    await expect(
      restoreDatabase(junk, { dataDir: path.join(dir, 'x'), databaseUrl: null }),
    ).rejects.toThrow('is not a backup');
    const full = path.join(dir, 'full');
    writeFileSync(path.join(dir, 'marker'), '');
    await expect(
      restoreDatabase(path.join(dir, 'missing.backup'), { dataDir: full, databaseUrl: null }),
    ).rejects.toThrow('No backup file');
    if (t.database.kind === 'pglite') {
      const file = path.join(dir, 'again.backup');
      await backupDatabase(t.database, { file, databaseUrl: null });
      await expect(restoreDatabase(file, { dataDir: dir, databaseUrl: null })).rejects.toThrow(
        'is not empty',
      );
    }
  });
});
