import { sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { AppError, validationFailed } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { createContact } from '../contacts/contacts.service';
import { guardCustomer } from '../customers/customers.guard';
import { createCustomer, getCustomer } from '../customers/customers.service';
import { createDeal } from '../deals/deals.service';
import type { ConvertInquiryRequest, Inquiry } from './inquiries.schema';
import { type Actor, getInquiryRow, type InquiryRow, presentInquiry } from './inquiries.service';

async function resolveCustomerId(
  tx: Db,
  actor: Actor,
  row: InquiryRow,
  input: ConvertInquiryRequest,
): Promise<{ customerId: string; created: boolean }> {
  if (input.customerId) {
    await guardCustomer(tx, actor, input.customerId, 'edit');
    return { customerId: input.customerId, created: false };
  }
  const name = input.customerName ?? row.company ?? row.sender_name;
  if (!name) {
    throw validationFailed([
      {
        field: 'body.customerName',
        message: 'is required: the inquiry names no company or sender',
      },
    ]);
  }
  const customer = await createCustomer(tx, actor, {
    name,
    email: row.sender_email,
    country: row.country,
    industry: input.industry,
    source: input.source,
    ownerId: input.ownerId !== undefined ? input.ownerId : (row.assignee_id ?? undefined),
    confirmDuplicate: input.confirmDuplicate,
  });
  return { customerId: customer.id, created: true };
}

// An existing customer may already have the sender as a contact.
async function existingContactId(tx: Db, orgId: string, customerId: string, email: string | null) {
  if (!email) return null;
  const [found] = await queryRows<{ id: string }>(
    tx,
    sql`select id from contacts where org_id = ${orgId} and customer_id = ${customerId}
      and lower(email) = lower(${email}) and archived_at is null limit 1`,
  );
  return found?.id ?? null;
}

/**
 * Turns an inquiry into a customer (or attaches it to one the user picked after the
 * duplicate check), its sender into a contact, and optionally opens a deal — all or nothing.
 */
export async function convertInquiry(
  db: Db,
  actor: Actor,
  id: string,
  input: ConvertInquiryRequest,
  context: { now: Date; locale: Locale },
) {
  return db.transaction(async (tx) => {
    const row = await getInquiryRow(tx, actor, id, true);
    if (row.customer_id !== null) {
      throw new AppError('conflict', 'This inquiry is already converted', undefined, {
        customerId: row.customer_id,
      });
    }
    const { customerId, created } = await resolveCustomerId(tx, actor, row, input);

    let contactId = created
      ? null
      : await existingContactId(tx, actor.orgId, customerId, row.sender_email);
    if (!contactId) {
      const contactName = input.contactName ?? row.sender_name ?? row.sender_email?.split('@')[0];
      if (!contactName) {
        throw validationFailed([
          { field: 'body.contactName', message: 'is required: the inquiry names no sender' },
        ]);
      }
      const contact = await createContact(tx, actor, {
        customerId,
        name: contactName,
        email: row.sender_email,
        title: input.contactTitle,
        isPrimary: created,
      });
      contactId = contact.id;
    }

    let dealId: string | null = null;
    if (input.deal) {
      const customerName = (await getCustomer(tx, { ...actor, role: 'admin' }, customerId)).name;
      const deal = await createDeal(
        tx,
        actor,
        {
          customerId,
          funnelId: input.deal.funnelId,
          name: input.deal.name ?? row.subject ?? `${customerName} 询盘`,
          amount: input.deal.amount ?? 0,
          expectedCloseDate: input.deal.expectedCloseDate,
          stageKey: input.deal.stageKey,
        },
        context,
      );
      dealId = deal.id;
    }

    const customer = await getCustomer(tx, { ...actor, role: 'admin' }, customerId);
    await tx.execute(sql`update inquiries set status = 'converted', customer_id = ${customerId},
        contact_id = ${contactId}, deal_id = ${dealId}, converted_at = ${context.now},
        converted_by = ${actor.id}, assignee_id = coalesce(assignee_id, ${customer.ownerId}),
        version = version + 1, updated_at = ${context.now}
      where org_id = ${actor.orgId} and id = ${id}`);
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'convert',
      entity: 'inquiry',
      entityId: id,
      changes: { customerId, customerCreated: created, contactId, dealId },
    });
    const inquiry: Inquiry = presentInquiry(
      await getInquiryRow(tx, { ...actor, role: 'admin' }, id),
      context.locale,
    );
    return { inquiry, customer, contactId, dealId };
  });
}
