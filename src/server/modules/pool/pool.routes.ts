import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { Customer } from '../customers/customers.schema';
import { getCustomer } from '../customers/customers.service';
import { getOrg } from '../orgs/orgs.service';
import { Id } from '../users/users.schema';
import { assignCustomer, assignCustomers } from './assignments.service';
import { claimCustomer, releaseCustomer } from './claims.service';
import { getOwnershipSettings } from './ownershipSettings.service';
import { findCustomerOwnershipHistory, findOwnershipEvents, findPoolCustomers } from './pool.query';
import { findHoldings, findMyHoldings, ownershipReport } from './pool.report';
import {
  AssignRequest,
  AssignResult,
  BulkAssignRequest,
  BulkAssignResult,
  Holdings,
  MyHoldings,
  OwnershipEvent,
  OwnershipEventQuery,
  OwnershipReportQuery,
  OwnershipReportRow,
  PoolCustomer,
  PoolQuery,
  ReleaseRequest,
} from './pool.schema';

const IdParams = z.object({ id: Id });
const tags = ['pool'];

/** Claims, releases, assignments, the pool page, holdings and the ownership history. */
export async function poolRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: FastifyRequest) => ({ ...authOf(request), ip: request.ip });

  r.post(
    '/customers/:id/claim',
    {
      schema: {
        tags,
        summary:
          'Claim a pool customer (认领); 409 already_claimed, holding_limit_reached, claim_cooldown, claim_quota_reached',
        params: IdParams,
        response: { 200: Customer },
      },
    },
    async (request) => claimCustomer(db, actor(request), request.params.id, ctx.clock.now()),
  );

  r.post(
    '/customers/:id/release',
    {
      schema: {
        tags,
        summary: 'Put a customer back in the pool, with a reason',
        params: IdParams,
        body: ReleaseRequest.nullish(),
        response: { 200: Customer },
      },
    },
    async (request) =>
      releaseCustomer(
        db,
        actor(request),
        request.params.id,
        request.body?.reason ?? null,
        ctx.clock.now(),
      ),
  );

  r.post(
    '/customers/:id/assign',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags,
        summary: 'Assign or reassign a customer; open work moves only with moveOpenWork: true',
        params: IdParams,
        body: AssignRequest,
        response: { 200: AssignResult },
      },
    },
    async (request) =>
      assignCustomer(
        db,
        actor(request),
        request.params.id,
        request.body.ownerId,
        request.body.moveOpenWork,
        ctx.clock.now(),
      ),
  );

  r.post(
    '/customers/assign',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags,
        summary: 'Assign many customers to one owner, all or none',
        body: BulkAssignRequest,
        response: { 200: BulkAssignResult },
      },
    },
    async (request) =>
      assignCustomers(
        db,
        actor(request),
        request.body.ids,
        request.body.ownerId,
        request.body.moveOpenWork,
        ctx.clock.now(),
      ),
  );

  r.get(
    '/customers/:id/ownership-history',
    {
      schema: {
        tags,
        summary: 'Who held the customer, and why it changed hands (newest first)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(OwnershipEvent) }) },
      },
    },
    async (request) => {
      const viewer = authOf(request);
      await getCustomer(db, viewer, request.params.id);
      return { items: await findCustomerOwnershipHistory(db, viewer, request.params.id) };
    },
  );

  r.get(
    '/pool/customers',
    {
      schema: {
        tags,
        summary: 'The pool page: claimable customers with why they came back',
        querystring: PoolQuery,
        response: { 200: listOf(PoolCustomer) },
      },
    },
    async (request) => {
      const viewer = authOf(request);
      const settings = await getOwnershipSettings(db, viewer.orgId);
      return findPoolCustomers(db, viewer, request.query, settings, ctx.clock.now());
    },
  );

  r.get(
    '/pool/history',
    {
      schema: {
        tags,
        summary: 'Claims, releases, assignments and lapses (rep: own; manager: team; admin: all)',
        querystring: OwnershipEventQuery,
        response: { 200: listOf(OwnershipEvent) },
      },
    },
    async (request) => {
      const viewer = authOf(request);
      const org = await getOrg(db, viewer.orgId);
      return findOwnershipEvents(db, viewer, request.query, org.timeZone);
    },
  );

  r.get(
    '/pool/report',
    {
      schema: {
        tags,
        summary: 'Lapse and claim history per rep for a period (org days, inclusive)',
        querystring: OwnershipReportQuery,
        response: { 200: z.object({ rows: z.array(OwnershipReportRow) }) },
      },
    },
    async (request) => {
      const viewer = authOf(request);
      const [org, settings] = await Promise.all([
        getOrg(db, viewer.orgId),
        getOwnershipSettings(db, viewer.orgId),
      ]);
      return {
        rows: await ownershipReport(db, viewer, request.query, settings, org.timeZone),
      };
    },
  );

  r.get(
    '/pool/holdings',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags,
        summary: "Each rep's holding count against their limit",
        querystring: z.object({ teamId: Id.optional() }),
        response: { 200: z.object({ items: z.array(Holdings) }) },
      },
    },
    async (request) => {
      const viewer = authOf(request);
      const settings = await getOwnershipSettings(db, viewer.orgId);
      return { items: await findHoldings(db, viewer, settings, request.query.teamId) };
    },
  );

  r.get(
    '/me/holdings',
    {
      schema: {
        tags,
        summary: 'My list (清单): how many customers I hold against my limit, claims today',
        response: { 200: MyHoldings },
      },
    },
    async (request) => {
      const viewer = authOf(request);
      const [org, settings] = await Promise.all([
        getOrg(db, viewer.orgId),
        getOwnershipSettings(db, viewer.orgId),
      ]);
      return findMyHoldings(db, viewer, settings, org.timeZone, ctx.clock.now());
    },
  );
}
