import type { AuditAction, AuditEntity } from '../../../domain/audit/auditVocabulary';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';
import { auditLog } from '../../db/schema';
import { currentRequestIp } from '../../http/requestScope';

export interface AuditEntry {
  orgId: string;
  userId: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
  ip?: string | null;
  /** Defaults to the database's now(); the clock's time where a day's sums read the rows back. */
  at?: Date;
}

/** Call with the same transaction as the change so the log and the change commit together. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: entry.orgId,
    id: newId(),
    ...(entry.at ? { at: entry.at } : {}),
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? null,
    // The request's address when the service did not pass one (jobs have neither).
    ip: entry.ip ?? currentRequestIp(),
  });
}

/** Before/after of the fields that changed, for the audit log. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(value)) {
      changes[field] = { from: before[field], to: value };
    }
  }
  return changes;
}
