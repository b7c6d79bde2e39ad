import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';
import { databaseUrlWithName } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

/**
 * Migrates one template per run: a PGlite dump that each test file loads (initdb costs
 * seconds, loading a dump well under one), and on PostgreSQL a template database that
 * each test file copies with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.provide?.dbKind ?? 'pglite';
  if (kind === 'postgres') return setupPostgres(project);
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-test-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  const dump = await database.pglite?.dumpDataDir('gzip');
  await database.close();
  if (!dump) throw new Error('PGlite dump failed');
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbKind', 'pglite');
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL test project');
  const template = `crm_tmpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const database = await openDatabase({
    databaseUrl: databaseUrlWithName(url, template),
    poolSize: 2,
  });
  await database.migrate();
  await database.close();
  project.provide('dbKind', 'postgres');
  project.provide('pgTemplate', template);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`${template}\\_%`],
    );
    for (const row of rows)
      await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
