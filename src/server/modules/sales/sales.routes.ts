import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { Id } from '../users/users.schema';
import { CustomerSales, CustomerSalesQuery } from './sales.schema';
import { findCustomerSales } from './sales.service';

export async function salesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/customers/:id/sales',
    {
      schema: {
        tags: ['sales'],
        description:
          "A customer's purchase history: totals, paid, outstanding and overdue, product lines, and the sales lines newest first.",
        params: z.object({ id: Id }),
        querystring: CustomerSalesQuery,
        response: { 200: CustomerSales },
      },
    },
    async (request) =>
      findCustomerSales(
        ctx.database.db,
        authOf(request),
        request.params.id,
        request.query,
        ctx.clock.now(),
      ),
  );
}
