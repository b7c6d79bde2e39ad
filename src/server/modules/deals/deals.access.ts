import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { forbidden, notFound } from '../../http/errors';
import {
  detailVisibleCustomers,
  editableCustomers,
  managedOwners,
  sharedWithViewer,
  visibilityBranches,
} from '../customers/customers.access';

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

/**
 * visibleDeals split into conditions on c whose OR is the same set (a rep: their own customers
 * and those shared with them; others: visibilityBranches). A query over a rep's few thousand
 * deals reads each from its own index and unions them, where the OR would make the planner
 * scan every deal of the org (forecast at 1M deals). Keep in step with visibleDeals.
 */
export function visibleDealBranches(viewer: Viewer): SQL[] {
  if (viewer.role === 'rep') return [sql`c.owner_id = ${viewer.id}`, sharedWithViewer(viewer, 'c')];
  return visibilityBranches(viewer, 'c');
}

/**
 * visibleDealBranches without the pool: deals whose customer someone holds (an owner), as the
 * viewer sees them. A pool customer's deals are nobody's pipeline or commitment, so the
 * forecast leaves them out (for a manager at 1M customers they were 143,000 of ~160,000).
 * `managed`: a manager's own id and their teams' members (managedOwners), looked up first so
 * the planner sizes the scope by the owners' real number of customers.
 */
export function heldDealBranches(viewer: Viewer, managed: readonly string[] = []): SQL[] {
  const held = sql`c.owner_id is not null`;
  if (viewer.role === 'admin') return [held];
  const shared = sql`${held} and ${sharedWithViewer(viewer, 'c')}`;
  if (viewer.role === 'rep') return [sql`c.owner_id = ${viewer.id}`, shared];
  const owners = [...new Set([viewer.id, ...managed])];
  return [sql`c.owner_id in ${owners}`, shared];
}

/** The users whose customers a manager oversees (managedOwners), as ids. */
export async function managedOwnerIds(db: Db, viewer: Viewer): Promise<string[]> {
  if (viewer.role !== 'manager') return [];
  const rows = await queryRows<{ id: string }>(db, sql`select id from ${managedOwners(viewer)} m`);
  return rows.map((row) => row.id);
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
