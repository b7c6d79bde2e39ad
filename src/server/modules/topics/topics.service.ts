import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';
import { followUpTopics } from '../../db/schema';
import { notFound, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { DEFAULT_TOPICS, TOPIC_CATEGORIES } from './defaultTopics';
import type {
  CreateTopicRequest,
  Topic,
  TopicListQuery,
  UpdateTopicRequest,
} from './topics.schema';

type Actor = { orgId: string; id: string; ip?: string | null };
type TopicRow = typeof followUpTopics.$inferSelect;

function presentTopic(row: TopicRow): Topic {
  return {
    id: row.id,
    category: row.category as Topic['category'],
    title: row.title,
    template: row.template,
    sort: row.sort,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Seeds seed 002's topic library, once: an org that already has topics keeps its own edits. */
export async function seedDefaultTopics(tx: Db, orgId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: followUpTopics.id })
    .from(followUpTopics)
    .where(eq(followUpTopics.orgId, orgId))
    .limit(1);
  if (existing) return;
  await tx.insert(followUpTopics).values(
    DEFAULT_TOPICS.map((topic, index) => ({
      orgId,
      id: newId(),
      category: topic.category,
      title: topic.title,
      template: topic.template,
      sort: (index + 1) * 10,
    })),
  );
}

/** The library in the seed's category order, then by position. */
export async function findTopics(db: Db, orgId: string, query: TopicListQuery): Promise<Topic[]> {
  const rows = await db
    .select()
    .from(followUpTopics)
    .where(
      and(
        eq(followUpTopics.orgId, orgId),
        query.category ? eq(followUpTopics.category, query.category) : undefined,
        query.active === 'all' ? undefined : eq(followUpTopics.active, query.active === 'true'),
      ),
    )
    .orderBy(
      sql`array_position(${sql.param([...TOPIC_CATEGORIES])}::text[], ${followUpTopics.category})`,
      asc(followUpTopics.sort),
      asc(followUpTopics.id),
    );
  return rows.map(presentTopic);
}

async function topicRow(db: Db, orgId: string, id: string): Promise<TopicRow> {
  const [row] = await db
    .select()
    .from(followUpTopics)
    .where(and(eq(followUpTopics.orgId, orgId), eq(followUpTopics.id, id)));
  if (!row) throw notFound('Topic');
  return row;
}

export async function getTopic(db: Db, orgId: string, id: string): Promise<Topic> {
  return presentTopic(await topicRow(db, orgId, id));
}

export async function createTopic(db: Db, actor: Actor, input: CreateTopicRequest): Promise<Topic> {
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ sort: sql<number>`coalesce(max(${followUpTopics.sort}), 0)::int` })
      .from(followUpTopics)
      .where(
        and(eq(followUpTopics.orgId, actor.orgId), eq(followUpTopics.category, input.category)),
      );
    const [row] = await tx
      .insert(followUpTopics)
      .values({
        orgId: actor.orgId,
        id: newId(),
        category: input.category,
        title: input.title,
        template: input.template,
        sort: input.sort ?? (last?.sort ?? 0) + 10,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'follow_up_topic',
      entityId: row.id,
      changes: { category: row.category, title: row.title },
    });
    return presentTopic(row);
  });
}

export async function updateTopic(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateTopicRequest,
): Promise<Topic> {
  return db.transaction(async (tx) => {
    const before = await topicRow(tx, actor.orgId, id);
    const { version, ...fields } = input;
    const [row] = await tx
      .update(followUpTopics)
      .set({ ...fields, version: sql`${followUpTopics.version} + 1` })
      .where(
        and(
          eq(followUpTopics.orgId, actor.orgId),
          eq(followUpTopics.id, id),
          eq(followUpTopics.version, version),
        ),
      )
      .returning();
    if (!row) throw versionConflict(presentTopic(before));
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'follow_up_topic',
      entityId: id,
      changes: diffFields(presentTopic(before), fields),
    });
    return presentTopic(row);
  });
}

/** Activities keep the topic's id; their topic title reads as null afterwards. */
export async function deleteTopic(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await topicRow(tx, actor.orgId, id);
    await tx
      .delete(followUpTopics)
      .where(and(eq(followUpTopics.orgId, actor.orgId), eq(followUpTopics.id, id)));
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'delete',
      entity: 'follow_up_topic',
      entityId: id,
      changes: { category: before.category, title: before.title },
    });
  });
}
