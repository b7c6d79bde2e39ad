import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import {
  BucketCustomer,
  BucketCustomersQuery,
  RevenueBuckets,
  RevenueBucketsQuery,
} from './revenueBuckets.schema';
import { findBucketCustomers, getRevenueBuckets } from './revenueBuckets.service';

export async function revenueBucketsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get(
    '/reports/revenue-buckets',
    {
      schema: {
        tags: ['reports'],
        description:
          'Customers by their sales total (客户漏斗图): half-open [min, max) buckets in 元, last max null.',
        querystring: RevenueBucketsQuery,
        response: { 200: RevenueBuckets },
      },
    },
    async (request) => getRevenueBuckets(db, authOf(request), request.query),
  );

  r.get(
    '/reports/revenue-buckets/customers',
    {
      schema: {
        tags: ['reports'],
        description: 'The customers of one bucket (min inclusive, max exclusive), largest first.',
        querystring: BucketCustomersQuery,
        response: { 200: listOf(BucketCustomer) },
      },
    },
    async (request) => findBucketCustomers(db, authOf(request), request.query),
  );
}
