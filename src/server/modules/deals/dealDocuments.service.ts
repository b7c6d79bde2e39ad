import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DocumentKind } from '../../../domain/funnels';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { dealDocuments } from '../../db/schema';
import { forbidden } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { type Actor, dealAccess, type Viewer } from './deals.access';
import type { CreateDocumentRequest, DealDocument } from './deals.schema';

interface DocumentRow {
  id: string;
  deal_id: string;
  kind: DocumentKind;
  name: string;
  url: string | null;
  note: string | null;
  added_by: string;
  added_by_name: string | null;
  added_at: Date | string;
}

const present = (row: DocumentRow): z.infer<typeof DealDocument> => ({
  id: row.id,
  dealId: row.deal_id,
  kind: row.kind,
  name: row.name,
  url: row.url,
  note: row.note,
  addedBy: row.added_by,
  addedByName: row.added_by_name,
  addedAt: new Date(row.added_at).toISOString(),
});

const COLUMNS = sql`dd.id, dd.deal_id, dd.kind, dd.name, dd.url, dd.note, dd.added_by,
  u.name as added_by_name, dd.added_at`;

/** Attaches a document (proposal, quote, contract…) to a deal: 'document' key actions count it. */
export async function addDealDocument(
  db: Db,
  actor: Actor,
  dealId: string,
  input: z.infer<typeof CreateDocumentRequest>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const access = await dealAccess(tx, actor, dealId);
    if (!access.editable) throw forbidden('Claim this customer before working its deals');
    const id = newId();
    await tx.insert(dealDocuments).values({
      orgId: actor.orgId,
      id,
      dealId,
      customerId: access.customerId,
      kind: input.kind,
      name: input.name,
      url: input.url ?? null,
      note: input.note ?? null,
      addedBy: actor.id,
      addedAt: now,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'add_document',
      entity: 'deal',
      entityId: dealId,
      changes: { documentId: id, kind: input.kind, name: input.name },
    });
    const [row] = await queryRows<DocumentRow>(
      tx,
      sql`select ${COLUMNS} from deal_documents dd
        left join users u on u.org_id = dd.org_id and u.id = dd.added_by
        where dd.org_id = ${actor.orgId} and dd.id = ${id}`,
    );
    if (!row) throw new Error('document vanished');
    return present(row);
  });
}

/** A deal's documents, newest first, keyset paged. */
export async function findDealDocuments(
  db: Db,
  viewer: Viewer,
  dealId: string,
  query: { limit: number; cursor?: string },
) {
  await dealAccess(db, viewer, dealId);
  const where = [sql`dd.org_id = ${viewer.orgId} and dd.deal_id = ${dealId}`];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
    where.push(sql`(dd.added_at, dd.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await queryRows<DocumentRow>(
    db,
    sql`select ${COLUMNS} from deal_documents dd
      left join users u on u.org_id = dd.org_id and u.id = dd.added_by
      where ${sql.join(where, sql` and `)}
      order by dd.added_at desc, dd.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([new Date(last.added_at).toISOString(), last.id])
        : null,
  };
}
