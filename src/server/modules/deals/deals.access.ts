import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { forbidden, notFound } from '../../http/errors';
import { detailVisibleCustomers, editableCustomers } from '../customers/customers.access';

export type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;
export type Actor = Viewer & { ip?: string | null; locale?: string | null };

/**
 * A deal is seen and changed through its customer (customers.access): whoever may see the
 * customer's history in full sees its deals (so a rep not those of a pool customer), whoever
 * may change the customer works them. Queries alias deals d, customers c.
 */
export function visibleDeals(viewer: Viewer): SQL {
  return detailVisibleCustomers(viewer, 'c');
}

/** The deal's customer id and whether the actor may change it; 404 when the deal is not visible. */
export async function dealAccess(
  db: Db,
  viewer: Viewer,
  dealId: string,
): Promise<{ customerId: string; editable: boolean }> {
  const [row] = await queryRows<{ customer_id: string; editable: boolean }>(
    db,
    sql`select d.customer_id, ${editableCustomers(viewer, 'c')} as editable
      from deals d join customers c on c.org_id = d.org_id and c.id = d.customer_id
      where d.org_id = ${viewer.orgId} and d.id = ${dealId} and ${visibleDeals(viewer)}`,
  );
  if (!row) throw notFound('Deal');
  return { customerId: row.customer_id, editable: Boolean(row.editable) };
}

/** 404 when invisible, 403 when visible but not the actor's to change. */
export async function assertDealEditable(db: Db, viewer: Viewer, dealId: string): Promise<void> {
  const access = await dealAccess(db, viewer, dealId);
  if (!access.editable) throw forbidden('Claim this customer before working its deals');
}
