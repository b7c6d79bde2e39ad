import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { CustomerFilters } from '../customers/customers.schema';
import { getOrg } from '../orgs/orgs.service';
import { countCustomerExport, customersCsv, customersXlsx } from './customersExport';
import { reserveExport, warnOfLargeExport } from './exportWatch';

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
          "The customer list (same filters and visibility as GET /customers; a rep's own customers only) as CSV (UTF-8 with BOM) or .xlsx; text cells starting with =, +, -, @, tab or CR get a leading apostrophe. Reps and managers export at most the org's daily row quota (429 export_quota_exceeded with quota, used, requested); a rep's export of at least the warning size puts a reminder on their manager's tasks.",
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
      const now = ctx.clock.now();
      const rows = await countCustomerExport(ctx, exportRequest);
      // Logged and counted against the quota before streaming; the file holds at most `rows`.
      await reserveExport(
        ctx.database.db,
        { ...auth, ip: request.ip },
        org,
        { rows, format, filters },
        now,
      );
      await warnOfLargeExport(ctx.database.db, { ...auth, ip: request.ip }, org, rows, now);
      const day = new Intl.DateTimeFormat('sv-SE', { timeZone: org.timeZone }).format(now);
      const fileName = `customers-${day}.${format}`;
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(
          format === 'csv'
            ? customersCsv(ctx, exportRequest, rows)
            : customersXlsx(ctx, exportRequest, rows),
        );
    },
  );
}
