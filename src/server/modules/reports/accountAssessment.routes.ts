import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { zonedDay } from '../../../domain/format/dates';
import type { AppContext } from '../../context';
import {
  AccountAssessment,
  AssessmentExportQuery,
  AssessmentQuery,
} from './accountAssessment.schema';
import { getAccountAssessment } from './accountAssessment.service';
import { reportContext } from './funnelReport.routes';
import { sendTables } from './reportExport';

const WORDS = {
  'zh-CN': [
    '象限',
    '客户数',
    '现有收入(元)',
    '未来潜力(元)',
    '客户价值(元)',
    '客户',
    '负责人',
    '评分',
    '等级',
    '进行中商机',
  ],
  en: [
    'Quadrant',
    'Customers',
    'Current revenue (CNY)',
    'Potential (CNY)',
    'Customer value (CNY)',
    'Customer',
    'Owner',
    'Score',
    'Grade',
    'Open deals',
  ],
} as const;

export async function accountAssessmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get(
    '/reports/account-assessment',
    {
      schema: {
        tags: ['reports'],
        description:
          'Account assessment (客户价值评估): visible customers with sales records in the period or open deals; current = Σ sales, potential = Σ open deal amount × probability, value = current + potential; quadrants split at the benchmarks (default: the averages), at or above counting as high.',
        querystring: AssessmentQuery,
        response: { 200: AccountAssessment },
      },
    },
    async (request) =>
      getAccountAssessment(db, await reportContext(ctx, request), request.query, ctx.clock.now()),
  );

  r.get(
    '/reports/account-assessment/export',
    {
      schema: {
        tags: ['reports'],
        description: 'The account assessment as .xlsx or CSV: the quadrants, then the customers.',
        querystring: AssessmentExportQuery,
      },
    },
    async (request, reply) => {
      const context = await reportContext(ctx, request);
      const { format, ...query } = request.query;
      const now = ctx.clock.now();
      const report = await getAccountAssessment(db, context, query, now);
      const w = WORDS[context.locale];
      const labelOf = (key: string) =>
        report.quadrants.find((q) => q.quadrant === key)?.label ?? key;
      return sendTables(reply, db, {
        format,
        fileBase: `account-assessment-${zonedDay(now, context.timeZone)}`,
        tables: [
          {
            title: w[0],
            headers: [w[0], w[1], w[2], w[3], w[4]],
            rows: report.quadrants.map((q) => [
              q.label,
              q.customers,
              q.current,
              q.potential,
              q.value,
            ]),
          },
          {
            title: w[5],
            headers: [w[5], w[6], w[7], w[8], w[2], w[3], w[9], w[4], w[0]],
            rows: report.customers.map((c) => [
              c.name,
              c.ownerName,
              c.score,
              c.grade,
              c.current,
              c.potential,
              c.openDeals,
              c.value,
              labelOf(c.quadrant),
            ]),
          },
        ],
        audit: {
          orgId: context.viewer.orgId,
          userId: context.viewer.id,
          ip: request.ip,
          entity: 'account_assessment',
          filters: request.query,
        },
      });
    },
  );
}
