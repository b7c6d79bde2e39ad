import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { AppError, validationFailed } from '../../http/errors';
import { listOf } from '../../http/pagination';
import { importRunnerFor } from '../../jobs/importRunner';
import { Id } from '../users/users.schema';
import { ImportJob, ImportListItem, ImportListQuery, ImportPreview } from './imports.schema';
import {
  createImport,
  findImports,
  getImport,
  previewImport,
  type Upload,
} from './imports.service';

const IdParams = z.object({ id: Id });

const UPLOAD_DESCRIPTION = `multipart/form-data: \`file\` (.xlsx, .xls or .csv in UTF-8/GBK),
\`kind\` (sales | customers), \`mapping\` (JSON: field → column header; guessed when absent),
\`createCustomers\` (true | false, sales), \`onDuplicate\` (skip | update | create, customers).`;

/** Reads the multipart parts in any order: the file into memory (capped), the rest as text. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes + 64 * 1024) {
    throw new AppError(
      'payload_too_large',
      `The upload is larger than the limit of ${Math.floor(maxBytes / 1048576)} MB`,
    );
  }
  if (!request.isMultipart()) {
    throw validationFailed([{ field: 'body', message: 'must be multipart/form-data with a file' }]);
  }
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file') file = { name: part.filename, bytes };
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  if (!file) throw validationFailed([{ field: 'body.file', message: 'is required' }]);
  return { fileName: file.name, bytes: file.bytes, fields };
}

export async function importsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const runner = importRunnerFor(ctx);
  app.addHook('onClose', async () => runner.stop());

  // Multipart parsing is scoped to the upload routes.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: ctx.config.uploadMaxBytes,
        files: 1,
        fields: 10,
        fieldSize: 64 * 1024,
        parts: 12,
      },
    });
    const s = scope.withTypeProvider<ZodTypeProvider>();

    s.post(
      '/imports',
      {
        schema: {
          tags: ['imports'],
          description: `Uploads a file and queues its import. ${UPLOAD_DESCRIPTION}`,
          consumes: ['multipart/form-data'],
          response: { 202: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, ctx.config.uploadMaxBytes);
        const created = await createImport(ctx, { ...authOf(request), ip: request.ip }, upload);
        runner.kick();
        return reply.status(202).send(created);
      },
    );

    s.post(
      '/imports/preview',
      {
        schema: {
          tags: ['imports'],
          description: `The mapping step: headers, guessed mapping and the first rows as the import would read them; writes nothing. ${UPLOAD_DESCRIPTION}`,
          consumes: ['multipart/form-data'],
          response: { 200: ImportPreview },
        },
      },
      async (request) => previewImport(ctx, await readUpload(request, ctx.config.uploadMaxBytes)),
    );
  });

  r.get(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        querystring: ImportListQuery,
        response: { 200: listOf(ImportListItem) },
      },
    },
    async (request) => findImports(db, authOf(request), request.query),
  );

  r.get(
    '/imports/:id',
    { schema: { tags: ['imports'], params: IdParams, response: { 200: ImportJob } } },
    async (request) => getImport(db, authOf(request), request.params.id),
  );
}
