import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { forbidden, notFound } from '../../http/errors';
import { editableCustomers, visibleCustomers } from './customers.access';
import type { Viewer } from './customers.service';

export interface GuardedCustomer {
  id: string;
  name: string;
  ownerId: string | null;
  archived: boolean;
}

/**
 * The customer behind a contact, activity or task, checked with the customer's own
 * visibility rules: invisible or another org's is 404, visible but not changeable 403.
 * `edit` locks the row, so derived fields (last contact, next follow-up) computed later
 * in the same transaction see every concurrent writer's rows.
 */
export async function guardCustomer(
  tx: Db,
  viewer: Viewer,
  customerId: string,
  need: 'see' | 'edit',
): Promise<GuardedCustomer> {
  const [row] = await queryRows<{
    id: string;
    name: string;
    owner_id: string | null;
    archived: boolean;
    editable: boolean;
  }>(
    tx,
    sql`select c.id, c.name, c.owner_id, c.archived_at is not null as archived,
        ${editableCustomers(viewer)} as editable
      from customers c
      where c.org_id = ${viewer.orgId} and c.id = ${customerId} and ${visibleCustomers(viewer)}
      ${need === 'edit' ? sql`for update of c` : sql``}`,
  );
  if (!row) throw notFound('Customer');
  if (need === 'edit' && !row.editable) {
    throw forbidden('Only the customer’s owner (or their manager) may change this');
  }
  return { id: row.id, name: row.name, ownerId: row.owner_id, archived: row.archived };
}
