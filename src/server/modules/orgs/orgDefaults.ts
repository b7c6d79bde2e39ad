import type { Db } from '../../db/client';
import { ensureQualificationDefaults } from '../scoring/qualificationDefaults';
import { seedDefaultSourceChannels } from '../settings/sourceChannels.service';
import { seedDefaultTopics } from '../topics/topics.service';

/**
 * What a new org starts with: the seeds' source channels, follow-up topic library, and
 * qualification defaults (target-customer scoring criteria, grading rule set, churn thresholds).
 * Idempotent: each list is seeded only while the org has none, so edits are never undone.
 */
export async function ensureOrgDefaults(tx: Db, orgId: string): Promise<void> {
  await seedDefaultSourceChannels(tx, orgId);
  await seedDefaultTopics(tx, orgId);
  await ensureQualificationDefaults(tx, orgId);
}
