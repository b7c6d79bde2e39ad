import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { CustomerFilters } from '../customers/customers.schema';
import { getOrg } from '../orgs/orgs.service';
import { customersCsv, customersXlsx } from './customersExport';

const ExportQuery = CustomerFilters.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** Column headers' language; defaults to the user's, else zh-CN. */
  lang: z.enum(LOCALES).optional(),
});

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function exportsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/customers/export',
    {
      schema: {
        tags: ['customers'],
        description:
          'The customer list (same filters and visibility as GET /customers) as CSV (UTF-8 with BOM) or .xlsx; text cells starting with =, +, -, @, tab or CR get a leading apostrophe.',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const { format, lang, ...filters } = request.query;
      const org = await getOrg(ctx.database.db, auth.orgId);
      const exportRequest = {
        viewer: { ...auth, ip: request.ip },
        filters,
        format,
        locale: lang ?? (auth.locale === 'en' ? 'en' : 'zh-CN'),
        timeZone: org.timeZone,
      } as const;
      const day = new Intl.DateTimeFormat('sv-SE', { timeZone: org.timeZone }).format(
        ctx.clock.now(),
      );
      const fileName = `customers-${day}.${format}`;
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(
          format === 'csv' ? customersCsv(ctx, exportRequest) : customersXlsx(ctx, exportRequest),
        );
    },
  );
}
