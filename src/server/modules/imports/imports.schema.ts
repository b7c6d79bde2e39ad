import { z } from 'zod';
import { CUSTOMER_FIELDS, SALES_FIELDS } from '../../../domain/imports/headerMapping';
import { ListQuery } from '../../http/listSchema';

export const IMPORT_KINDS = ['sales', 'customers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What a customer import does with a row that matches an existing customer. */
export const DUPLICATE_MODES = ['skip', 'update', 'create'] as const;
export type DuplicateMode = (typeof DUPLICATE_MODES)[number];

export const FIELDS_BY_KIND = { sales: SALES_FIELDS, customers: CUSTOMER_FIELDS } as const;
export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  sales: ['customer', 'amount', 'orderDate'],
  customers: ['name'],
};

/** Target field → source column header (null or absent: not imported). */
export const Mapping = z.record(z.string(), z.string().max(300).nullable());
export type Mapping = z.infer<typeof Mapping>;

/** The text fields of the multipart upload, besides `file`. */
export const UploadFields = z.object({
  kind: z.enum(IMPORT_KINDS),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return undefined;
      try {
        const parsed = Mapping.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON object of field → column header',
      });
      return z.NEVER;
    }),
  createCustomers: z
    .enum(['true', 'false'], { message: "must be 'true' or 'false'" })
    .default('true')
    .transform((value) => value === 'true'),
  onDuplicate: z.enum(DUPLICATE_MODES).default('skip'),
});
export type UploadFields = z.infer<typeof UploadFields>;

export interface ImportOptions {
  createCustomers: boolean;
  onDuplicate: DuplicateMode;
}

export const ImportError = z.object({ row: z.number().int(), message: z.string() });
export type ImportError = z.infer<typeof ImportError>;

export const ImportSummary = z.object({
  /** The row number of the header row in the sheet. */
  headerRow: z.number().int().nullable(),
  sheetName: z.string().nullable(),
  encoding: z.string().nullable(),
  /** The unit a header gave the amounts, e.g. 万 for '金额(万元)'. */
  amountUnit: z.string().nullable().optional(),
  skippedBlank: z.number().int(),
  skippedSubtotal: z.number().int(),
  /** Sales lines already imported before (same natural key): left as they were. */
  alreadyImported: z.number().int().optional(),
  /** Sales lines already imported whose payment or due date this file updated. */
  updatedLines: z.number().int().optional(),
  createdCustomers: z.number().int().optional(),
  updatedCustomers: z.number().int().optional(),
  createdContacts: z.number().int().optional(),
  /** Customer rows skipped because they match an existing customer or an earlier row. */
  duplicates: z.number().int().optional(),
  duplicateRows: z
    .array(z.object({ row: z.number().int(), customerId: z.string().nullable(), name: z.string() }))
    .optional(),
  /** Owner names or emails that matched no user (the lines were imported without owner). */
  unknownOwners: z.array(z.string()).optional(),
  /** The same file (same bytes) was imported before. */
  sameFileImportedBefore: z.object({ id: z.string(), createdAt: z.string() }).nullable(),
  /** Why a failed job stopped. */
  error: z.string().optional(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportJob = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(['uploaded', 'queued', 'running', 'done', 'failed', 'cancelled']),
  fileName: z.string(),
  fileFormat: z.enum(['xlsx', 'xls', 'csv']),
  sizeBytes: z.number().int(),
  mapping: Mapping,
  options: z.object({ createCustomers: z.boolean(), onDuplicate: z.enum(DUPLICATE_MODES) }),
  /** Data rows below the header; processed = imported + skipped + failed. */
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** Rows that did not import, with the sheet's row number; at most 1,000 are kept. */
  errors: z.array(ImportError),
  summary: ImportSummary,
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportListItem = ImportJob.omit({ errors: true });

export const ImportListQuery = ListQuery.extend({ kind: z.enum(IMPORT_KINDS).optional() });
export type ImportListQuery = z.infer<typeof ImportListQuery>;

export const PreviewRow = z.object({
  row: z.number().int(),
  /** blank / subtotal rows are skipped by the import. */
  skip: z.enum(['blank', 'subtotal']).nullable(),
  /** The row's cells as text, column by column under `headers`. */
  cells: z.array(z.string()),
  /** Each mapped field as the import reads it (amounts in 元, dates YYYY-MM-DD). */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()])),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

export const ImportPreview = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileFormat: z.enum(['xlsx', 'xls', 'csv']),
  encoding: z.string().nullable(),
  sheetName: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  fields: z.array(z.object({ key: z.string(), required: z.boolean() })),
  guessedMapping: Mapping,
  mapping: Mapping,
  /** Data rows below the header (approximate for .xlsx: rows stored in the sheet). */
  totalRows: z.number().int(),
  rows: z.array(PreviewRow),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
