import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customFieldDefs } from '../../db/schema';
import { type FieldError, validationFailed } from '../../http/errors';

type CustomValue = string | number | boolean | null;
export type CustomFieldDef = typeof customFieldDefs.$inferSelect;

export async function findCustomFieldDefs(db: Db, orgId: string): Promise<CustomFieldDef[]> {
  return db
    .select()
    .from(customFieldDefs)
    .where(and(eq(customFieldDefs.orgId, orgId), eq(customFieldDefs.entity, 'customer')))
    .orderBy(asc(customFieldDefs.sort), asc(customFieldDefs.key));
}

function checkValue(def: CustomFieldDef, value: CustomValue): string | null {
  if (value === null || value === '') return null;
  switch (def.type) {
    case 'text':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? null
        : 'must be a date YYYY-MM-DD';
    case 'select':
      return typeof value === 'string' && def.options.includes(value)
        ? null
        : `must be one of ${def.options.join(', ')}`;
  }
}

/** Checks custom values against the org's definitions; unknown keys and wrong types are named. */
export async function validateCustomValues(
  db: Db,
  orgId: string,
  values: Record<string, CustomValue>,
): Promise<Record<string, CustomValue>> {
  const keys = Object.keys(values);
  if (keys.length === 0) return {};
  const defs = new Map((await findCustomFieldDefs(db, orgId)).map((def) => [def.key, def]));
  const errors: FieldError[] = [];
  const cleaned: Record<string, CustomValue> = {};
  for (const key of keys) {
    const def = defs.get(key);
    const value = values[key] ?? null;
    if (!def) {
      errors.push({
        field: `custom.${key}`,
        message: 'is not a custom field of this organisation',
      });
      continue;
    }
    const problem = checkValue(def, value);
    if (problem) errors.push({ field: `custom.${key}`, message: problem });
    else if (value !== null && value !== '') cleaned[key] = value;
  }
  if (errors.length > 0) throw validationFailed(errors);
  return cleaned;
}
