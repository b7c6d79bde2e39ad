import { sql } from 'drizzle-orm';
import type { FunnelStage } from '../../../domain/funnels';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { validationFailed } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';

/** Whose checklist: a deal's, or a customer's lifecycle in one funnel (dealId null). */
export interface CheckSubject {
  orgId: string;
  customerId: string;
  funnelId: string;
  dealId: string | null;
}

export interface CheckRow {
  stage_key: string;
  item_id: string;
  checked: boolean;
  by_user_id: string;
  by_name: string | null;
  at: Date | string;
  evidence_note: string | null;
  evidence_url: string | null;
  evidence_activity_id: string | null;
}

export interface Evidence {
  note?: string | null;
  url?: string | null;
  activityId?: string | null;
}

export interface ChecklistItem {
  id: string;
  label: string;
  required: boolean;
  checked: boolean;
  checkedBy: string | null;
  checkedByName: string | null;
  checkedAt: string | null;
  evidence: { note: string | null; url: string | null; activityId: string | null } | null;
}

export interface Checklist {
  stageKey: string;
  stageName: string;
  items: ChecklistItem[];
}

function subjectFilter(subject: CheckSubject) {
  return subject.dealId
    ? sql`s.org_id = ${subject.orgId} and s.deal_id = ${subject.dealId}`
    : sql`s.org_id = ${subject.orgId} and s.customer_id = ${subject.customerId}
        and s.funnel_id = ${subject.funnelId} and s.deal_id is null`;
}

export async function loadChecks(db: Db, subject: CheckSubject): Promise<CheckRow[]> {
  return queryRows<CheckRow>(
    db,
    sql`select s.stage_key, s.item_id, s.checked, s.by_user_id, u.name as by_name, s.at,
        s.evidence_note, s.evidence_url, s.evidence_activity_id
      from stage_checks s
      left join users u on u.org_id = s.org_id and u.id = s.by_user_id
      where ${subjectFilter(subject)}`,
  );
}

/** Checked criterion ids per stage key, as evaluateStageGate reads them. */
export function checkedCriteria(rows: readonly CheckRow[]): Record<string, string[]> {
  const checked: Record<string, string[]> = {};
  for (const row of rows) {
    if (row.checked) checked[row.stage_key] = [...(checked[row.stage_key] ?? []), row.item_id];
  }
  return checked;
}

/** The checklist as it stood, kept with each stage move. */
export function checklistSnapshot(rows: readonly CheckRow[]) {
  const snapshot: Record<string, { id: string; by: string; at: string }[]> = {};
  for (const row of rows) {
    if (!row.checked) continue;
    const item = { id: row.item_id, by: row.by_user_id, at: new Date(row.at).toISOString() };
    snapshot[row.stage_key] = [...(snapshot[row.stage_key] ?? []), item];
  }
  return snapshot;
}

/** A stage's entry checklist with who ticked each item, when, and the evidence. */
export function presentChecklist(
  stage: FunnelStage | undefined,
  rows: readonly CheckRow[],
  locale: Locale,
): Checklist | null {
  if (!stage) return null;
  return {
    stageKey: stage.key,
    stageName: stage.name[locale],
    items: stage.criteria.map((criterion) => {
      const row = rows.find((r) => r.stage_key === stage.key && r.item_id === criterion.id);
      const hasEvidence =
        row?.checked && (row.evidence_note || row.evidence_url || row.evidence_activity_id);
      return {
        id: criterion.id,
        label: criterion.label[locale],
        required: criterion.required,
        checked: row?.checked ?? false,
        checkedBy: row ? row.by_user_id : null,
        checkedByName: row ? row.by_name : null,
        checkedAt: row ? new Date(row.at).toISOString() : null,
        evidence:
          row && hasEvidence
            ? {
                note: row.evidence_note,
                url: row.evidence_url,
                activityId: row.evidence_activity_id,
              }
            : null,
      };
    }),
  };
}

export interface SetCheckInput {
  stageKey: string;
  itemId: string;
  checked: boolean;
  evidence?: Evidence;
}

/**
 * Ticks or unticks one entry criterion, recording who, when and the evidence, with an audit
 * entry in the same transaction. Unknown stages, items and activities are bad input.
 */
export async function setCheck(
  tx: Db,
  actor: { orgId: string; id: string; ip?: string | null },
  subject: CheckSubject,
  stages: readonly FunnelStage[],
  input: SetCheckInput,
  now: Date,
): Promise<void> {
  const stage = stages.find((candidate) => candidate.key === input.stageKey);
  if (!stage) {
    throw validationFailed([{ field: 'body.stageKey', message: 'no such stage in this funnel' }]);
  }
  if (!stage.criteria.some((criterion) => criterion.id === input.itemId)) {
    throw validationFailed([
      { field: 'body.itemId', message: `no checklist item '${input.itemId}' in this stage` },
    ]);
  }
  const evidence = input.checked ? (input.evidence ?? {}) : {};
  if (evidence.activityId) {
    const [activity] = await queryRows(
      tx,
      sql`select 1 from activities where org_id = ${subject.orgId} and id = ${evidence.activityId}
        and customer_id = ${subject.customerId}`,
    );
    if (!activity) {
      throw validationFailed([
        { field: 'body.evidence.activityId', message: 'no such activity of this customer' },
      ]);
    }
  }
  const conflictTarget = subject.dealId
    ? sql`(org_id, deal_id, stage_key, item_id) where deal_id is not null`
    : sql`(org_id, customer_id, funnel_id, stage_key, item_id) where deal_id is null`;
  await tx.execute(sql`insert into stage_checks (org_id, id, customer_id, deal_id, funnel_id,
      stage_key, item_id, checked, by_user_id, at, evidence_note, evidence_url, evidence_activity_id)
    values (${subject.orgId}, ${newId()}, ${subject.customerId}, ${subject.dealId},
      ${subject.funnelId}, ${input.stageKey}, ${input.itemId}, ${input.checked}, ${actor.id}, ${now},
      ${evidence.note ?? null}, ${evidence.url ?? null}, ${evidence.activityId ?? null})
    on conflict ${conflictTarget} do update set checked = excluded.checked,
      by_user_id = excluded.by_user_id, at = excluded.at, evidence_note = excluded.evidence_note,
      evidence_url = excluded.evidence_url, evidence_activity_id = excluded.evidence_activity_id`);
  await recordAudit(tx, {
    orgId: subject.orgId,
    userId: actor.id,
    ip: actor.ip,
    action: input.checked ? 'check' : 'uncheck',
    entity: subject.dealId ? 'deal' : 'customer',
    entityId: subject.dealId ?? subject.customerId,
    changes: {
      funnelId: subject.funnelId,
      stageKey: input.stageKey,
      itemId: input.itemId,
      ...(input.checked && input.evidence ? { evidence: input.evidence } : {}),
    },
  });
}
