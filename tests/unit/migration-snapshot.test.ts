// A custom (hand-written SQL) migration leaves drizzle-kit's snapshot behind the schema, and the
// next `npm run db:generate` then stops on an interactive prompt or writes a wrong diff. The
// latest snapshot must describe exactly the tables the schema declares.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDrizzleJson } from 'drizzle-kit/api';
import { expect, it } from 'vitest';
import * as schema from '../../src/server/db/schema/index';

const META = path.resolve(import.meta.dirname, '../../src/server/db/migrations/meta');

/** Key order is not meaning: compare with every object's keys sorted. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

it('keeps the latest migration snapshot in step with the schema', () => {
  const latest = readdirSync(META)
    .filter((file) => file.endsWith('_snapshot.json'))
    .sort()
    .at(-1);
  expect(latest).toBeDefined();
  const snapshot = JSON.parse(readFileSync(path.join(META, latest as string), 'utf8'));
  const declared = generateDrizzleJson(schema as Record<string, unknown>) as {
    tables: Record<string, unknown>;
  };
  expect(canonical(snapshot.tables)).toEqual(canonical(declared.tables));
});
