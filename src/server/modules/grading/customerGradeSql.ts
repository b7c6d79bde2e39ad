import { type SQL, sql } from 'drizzle-orm';

// A customer's grade is kept in customer_grades, not in the wide customers row (grading
// rewrites up to every customer's grade; see docs/performance.md, "Grading").

/** The grade of the customer aliased `alias`, as a scalar: for pages of rows and single reads. */
export function customerGradeSql(alias = 'c'): SQL {
  const c = sql.raw(alias);
  return sql`(select cg.grade from customer_grades cg
    where cg.org_id = ${c}.org_id and cg.customer_id = ${c}.id)`;
}

/**
 * `left join customer_grades <as>` onto the customer aliased `alias`: for passes over many
 * customers (exports, lapse rules, rescoring), where a hash join beats a lookup per row.
 */
export function customerGradeJoin(alias = 'c', as = 'cg'): SQL {
  const c = sql.raw(alias);
  const g = sql.raw(as);
  return sql`left join customer_grades ${g} on ${g}.org_id = ${c}.org_id and ${g}.customer_id = ${c}.id`;
}
