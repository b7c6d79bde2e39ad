import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { resolveLocale } from '../funnels/funnels.service';
import { getOrg } from '../orgs/orgs.service';
import { LocaleQuery } from '../scoring/scoring.schema';
import { Id } from '../users/users.schema';
import { convertInquiry } from './inquiries.convert';
import { findInquiries, inquiryReport } from './inquiries.query';
import {
  ConvertInquiryRequest,
  ConvertInquiryResponse,
  CreateInquiryRequest,
  Inquiry,
  InquiryDetail,
  InquiryListItem,
  InquiryListQuery,
  InquiryReport,
  InquiryReportQuery,
  UpdateInquiryRequest,
} from './inquiries.schema';
import { createInquiry, getInquiry, updateInquiry } from './inquiries.service';

const IdParams = z.object({ id: Id });

export async function inquiriesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: FastifyRequest) => ({ ...authOf(request), ip: request.ip });
  const context = async (request: FastifyRequest, locale?: 'zh-CN' | 'en') => ({
    now: ctx.clock.now(),
    locale: await resolveLocale(db, authOf(request), locale),
  });

  r.post(
    '/inquiries',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Take in an inquiry (询盘): it is classified as scam, broad or precise',
        body: CreateInquiryRequest,
        response: { 201: Inquiry },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createInquiry(db, actor(request), request.body, await context(request))),
  );

  r.get(
    '/inquiries',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'The inquiry inbox, newest first',
        querystring: InquiryListQuery,
        response: { 200: listOf(InquiryListItem) },
      },
    },
    async (request) => findInquiries(db, authOf(request), request.query),
  );

  r.get(
    '/inquiries/:id',
    {
      schema: {
        tags: ['inquiries'],
        summary: "An inquiry with its signals, its class's playbook and possible duplicates",
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: InquiryDetail },
      },
    },
    async (request) => {
      const { locale } = await context(request, request.query.locale);
      return getInquiry(db, authOf(request), request.params.id, locale);
    },
  );

  r.patch(
    '/inquiries/:id',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Correct the class, mark replied (first response), archive or assign',
        params: IdParams,
        body: UpdateInquiryRequest,
        response: { 200: Inquiry },
      },
    },
    async (request) =>
      updateInquiry(db, actor(request), request.params.id, request.body, await context(request)),
  );

  r.post(
    '/inquiries/:id/convert',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Convert into a customer + contact (+ deal) in one step, with a duplicate check',
        params: IdParams,
        body: ConvertInquiryRequest,
        response: { 201: ConvertInquiryResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await convertInquiry(
            db,
            actor(request),
            request.params.id,
            request.body,
            await context(request),
          ),
        ),
  );

  r.get(
    '/reports/inquiries',
    {
      schema: {
        tags: ['inquiries', 'reports'],
        summary: 'Inquiries per class, correction accuracy, conversions, median first response',
        querystring: InquiryReportQuery,
        response: { 200: InquiryReport },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const org = await getOrg(db, auth.orgId);
      return inquiryReport(db, auth, request.query, org.timeZone);
    },
  );
}
