import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { headerAmountUnit } from '../../../domain/imports/amountUnit';
import { cellText } from '../../../domain/imports/cellValue';
import { readCustomerRow } from '../../../domain/imports/customerRecord';
import {
  type CustomerField,
  type FieldSynonyms,
  guessMapping,
  isSkippableRow,
  type SalesField,
} from '../../../domain/imports/headerMapping';
import { readSalesRow } from '../../../domain/imports/salesRecord';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';
import { imports } from '../../db/schema';
import { notFound, validationFailed } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import type { Viewer } from '../customers/customers.service';
import type { ImportRow } from './importJob';
import {
  FIELDS_BY_KIND,
  type ImportJob,
  type ImportKind,
  type ImportListQuery,
  type ImportPreview,
  type ImportSummary,
  type Mapping,
  REQUIRED_FIELDS,
  UploadFields,
} from './imports.schema';
import { FileRefused } from './readers/fileRefused';
import { openSheet, type Sheet, type SheetRow } from './readers/sheet';
import { openTable, pickCells, resolveMapping, type Table } from './table';

export interface Upload {
  fileName: string;
  bytes: Buffer;
  /** The multipart text fields, as sent. */
  fields: Record<string, string>;
}

type Actor = Viewer & { ip?: string | null };

const PREVIEW_ROWS = 20;

/** The text fields of an upload, checked; problems name body.<field>. */
export function parseUploadFields(fields: Record<string, string>): UploadFields {
  const parsed = UploadFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw validationFailed(
    parsed.error.issues.map((issue) => ({
      field: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

/** Opens the file and finds its header: refusals become 400s on body.file. */
async function inspect(ctx: AppContext, upload: Upload, kind: ImportKind) {
  try {
    const sheet = await openSheet(upload.bytes, {
      maxRows: ctx.config.importMaxRows,
      maxUnzippedBytes: ctx.config.importMaxUnzippedBytes,
    });
    return { sheet, table: await openTable(sheet, kind) };
  } catch (error) {
    if (error instanceof FileRefused) {
      throw validationFailed([{ field: 'body.file', message: error.message }]);
    }
    throw error;
  }
}

function baseSummary(sheet: Sheet, table: Table, mapping: Mapping): ImportSummary {
  return {
    headerRow: table.headerRow,
    sheetName: sheet.sheetName,
    encoding: sheet.encoding,
    amountUnit: mapping.amount ? headerAmountUnit(mapping.amount) : null,
    skippedBlank: 0,
    skippedSubtotal: 0,
    sameFileImportedBefore: null,
  };
}

/**
 * Stores an upload and queues its import. The file is read far enough to refuse a
 * bad one now (wrong type, zip bomb, too many rows, unknown columns) with nothing
 * written; `claim` makes the caller (the CLI) run the job itself.
 */
export async function createImport(
  ctx: AppContext,
  actor: Actor,
  upload: Upload,
  options: { claim?: boolean } = {},
): Promise<{ id: string }> {
  const fields = parseUploadFields(upload.fields);
  const { sheet, table } = await inspect(ctx, upload, fields.kind);
  await table.close();
  const { mapping } = resolveMapping(fields.kind, table.headers, fields.mapping);
  const db = ctx.database.db;
  const fingerprint = createHash('sha256').update(upload.bytes).digest('hex');
  const [previous] = await db
    .select({ id: imports.id, createdAt: imports.createdAt })
    .from(imports)
    .where(
      and(
        eq(imports.orgId, actor.orgId),
        eq(imports.kind, fields.kind),
        eq(imports.fingerprint, fingerprint),
        eq(imports.status, 'done'),
      ),
    )
    .orderBy(desc(imports.createdAt))
    .limit(1);
  const id = newId();
  const now = ctx.clock.now();
  const summary = baseSummary(sheet, table, mapping);
  if (previous) {
    summary.sameFileImportedBefore = {
      id: previous.id,
      createdAt: previous.createdAt.toISOString(),
    };
  }
  await db.transaction(async (tx) => {
    await tx.insert(imports).values({
      orgId: actor.orgId,
      id,
      kind: fields.kind,
      status: options.claim ? 'running' : 'queued',
      fileName: upload.fileName.slice(0, 300) || 'upload',
      fileFormat: sheet.format,
      fingerprint,
      sizeBytes: upload.bytes.length,
      mapping,
      options: { createCustomers: fields.createCustomers, onDuplicate: fields.onDuplicate },
      total: Math.max(0, sheet.rowCount - table.rowsAbove),
      summary,
      createdBy: actor.id,
      createdAt: now,
      ...(options.claim ? { startedAt: now, heartbeatAt: now } : {}),
    });
    // As base64 text: PGlite encodes a binary parameter byte by byte (a 10 MB file took
    // ~40 s), while decode() in SQL takes a fraction of a second on both drivers.
    await tx.execute(
      sql`insert into import_files (org_id, import_id, content)
        values (${actor.orgId}, ${id}, decode(${upload.bytes.toString('base64')}, 'base64'))`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'import',
      entityId: id,
      changes: {
        kind: fields.kind,
        fileName: upload.fileName,
        sizeBytes: upload.bytes.length,
        fingerprint,
      },
    });
  });
  return { id };
}

/** The mapping step: headers, the guess, and the first rows as the import would read them. */
export async function previewImport(ctx: AppContext, upload: Upload): Promise<ImportPreview> {
  const fields = parseUploadFields(upload.fields);
  const { kind } = fields;
  const { sheet, table } = await inspect(ctx, upload, kind);
  const synonyms: FieldSynonyms = FIELDS_BY_KIND[kind];
  const guessedMapping: Mapping = guessMapping(table.headers, synonyms);
  const { mapping, columns } = resolveMapping(
    kind,
    table.headers,
    fields.mapping ?? guessedMapping,
    {
      requireAll: false,
    },
  );
  const rows: ImportPreview['rows'] = [];
  for await (const row of table.rows) {
    rows.push(previewRow(kind, row, mapping, columns, sheet, table.headers.length));
    if (rows.length >= PREVIEW_ROWS) break;
  }
  await table.close();
  return {
    kind,
    fileFormat: sheet.format,
    encoding: sheet.encoding,
    sheetName: sheet.sheetName,
    headerRow: table.headerRow,
    headers: table.headers,
    fields: Object.keys(synonyms).map((key) => ({
      key,
      required: REQUIRED_FIELDS[kind].includes(key),
    })),
    guessedMapping,
    mapping,
    totalRows: Math.max(0, sheet.rowCount - table.rowsAbove),
    rows,
  };
}

const yuan = (cents: number | null) => (cents === null ? null : cents / 100);

function previewRow(
  kind: ImportKind,
  row: SheetRow,
  mapping: Mapping,
  columns: Record<string, number>,
  sheet: Sheet,
  width: number,
): ImportPreview['rows'][number] {
  const cells = Array.from({ length: Math.max(width, row.cells.length) }, (_, column) =>
    cellText(row.cells[column]),
  );
  const skip = isSkippableRow(row.cells);
  const picked = pickCells(row.cells, columns);
  const raw = Object.fromEntries(
    Object.entries(picked).map(([field, value]) => [field, cellText(value) || null]),
  );
  if (skip) return { row: row.number, skip, cells, values: raw, errors: [] };
  if (kind === 'sales') {
    const read = readSalesRow(picked, {
      columns: mapping as Partial<Record<SalesField, string>>,
      amountUnit: mapping.amount ? headerAmountUnit(mapping.amount) : null,
      paidUnit: mapping.paidAmount ? headerAmountUnit(mapping.paidAmount) : null,
      date1904: sheet.date1904,
    });
    if (!read.ok) return { row: row.number, skip: null, cells, values: raw, errors: read.problems };
    const { record } = read;
    return {
      row: row.number,
      skip: null,
      cells,
      values: {
        customer: record.customerName,
        product: record.product,
        amount: yuan(record.amountCents),
        orderDate: record.orderDate,
        quantity: record.quantity,
        orderNo: record.orderNo,
        paidAmount: yuan(record.paidCents),
        paidAt: record.paidAt,
        dueDate: record.dueDate,
        owner: record.owner,
      },
      errors: [],
    };
  }
  const read = readCustomerRow(picked, mapping as Partial<Record<CustomerField, string>>);
  if (!read.ok) return { row: row.number, skip: null, cells, values: raw, errors: read.problems };
  const { contact, ...record } = read.record;
  return {
    row: row.number,
    skip: null,
    cells,
    values: {
      ...record,
      contactName: contact?.name ?? null,
      contactTitle: contact?.title ?? null,
      contactPhone: contact?.mobile ?? null,
      contactEmail: contact?.email ?? null,
      contactWechat: contact?.wechat ?? null,
    },
    errors: [],
  };
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

export function presentImport(row: ImportRow): ImportJob {
  const options = row.options as Partial<ImportJob['options']>;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fileName: row.fileName,
    fileFormat: row.fileFormat,
    sizeBytes: row.sizeBytes,
    mapping: row.mapping as Mapping,
    options: {
      createCustomers: options.createCustomers ?? true,
      onDuplicate: options.onDuplicate ?? 'skip',
    },
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    skipped: row.skipped,
    failed: row.failed,
    errors: row.errors as ImportJob['errors'],
    summary: row.summary as ImportSummary,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

/** Reps see their own imports; managers and admins the org's. */
function visibleImports(viewer: Viewer) {
  return viewer.role === 'rep'
    ? and(eq(imports.orgId, viewer.orgId), eq(imports.createdBy, viewer.id))
    : eq(imports.orgId, viewer.orgId);
}

export async function getImport(db: Db, viewer: Viewer, id: string): Promise<ImportJob> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(visibleImports(viewer), eq(imports.id, id)));
  if (!row) throw notFound('Import');
  return presentImport(row);
}

/** Newest first, keyset-paged on (created_at, id). */
export async function findImports(db: Db, viewer: Viewer, query: ImportListQuery) {
  const conditions = [visibleImports(viewer)];
  if (query.kind) conditions.push(eq(imports.kind, query.kind));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
    conditions.push(sql`(${imports.createdAt}, ${imports.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(imports)
    .where(and(...conditions))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const { errors: _errors, ...item } = presentImport(row);
      return item;
    }),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.createdAt.toISOString(), last.id])
        : null,
  };
}
