import { validationFailed } from './errors';

export { ListQuery, listOf } from './listSchema';

/** Cursors are opaque to clients: base64url JSON of the sort key values of the last row. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the error below
  }
  throw validationFailed([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
}
