// SQL building blocks of the bench seed: deterministic "random" numbers from the row number,
// and picks from the demo's vocabulary, so one INSERT … SELECT generate_series writes a chunk.
import { type SQL, sql } from 'drizzle-orm';

/** A number in [0, 2147483646] from an integer SQL expression (two MINSTD steps). */
export function mix(expression: SQL, salt: number): SQL {
  const seeded = sql`((${expression})::bigint * 7919 + ${salt * 104_729 + 1}::bigint)`;
  return sql`((((${seeded}) % 2147483647) * 48271 % 2147483647) * 16807 % 2147483647)`;
}

/** An integer in [0, n) from an integer SQL expression. */
export function below(expression: SQL, salt: number, n: number): SQL {
  return sql`(${mix(expression, salt)} % ${sql.raw(String(n))})::int`;
}

/** One of `items`, chosen by an index expression (taken modulo the length). */
export function pick(items: readonly string[], index: SQL): SQL {
  return sql`(${sql.param(items)}::text[])[1 + (${index}) % ${sql.raw(String(items.length))}]`;
}

/**
 * A stable, valid version-7-shaped UUID for row (n, k) of a kind: kind, then n, then k, so
 * rows are inserted in id order and primary-key B-trees grow at their right edge.
 */
export function stableId(kind: number, n: SQL, k: SQL = sql`0`): SQL {
  const hexN = sql`lpad(to_hex(${n}), 7, '0')`;
  return sql`(${sql.raw(`'${kind.toString(16).padStart(8, '0')}'`)} || '-' || substr(${hexN}, 1, 4)
    || '-7' || substr(${hexN}, 5, 3) || '-8' || lpad(to_hex(${k}), 3, '0') || '-000000000000')::uuid`;
}

/** Days and hours before `now`, as a timestamptz. */
export function before(now: Date, days: SQL, hours: SQL = sql`0`): SQL {
  return sql`(${now}::timestamptz - (${days}) * interval '1 day' - (${hours}) * interval '1 hour')`;
}
