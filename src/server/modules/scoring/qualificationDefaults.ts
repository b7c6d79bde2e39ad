import type { Db } from '../../db/client';
import { readChurnConfig } from '../churn/churn.service';
import { readGradingConfig } from '../grading/grading.service';
import { readScoringRules } from './scoring.service';

/**
 * What a new org starts with for qualification: the seed's target-customer scoring rules
 * (and their yes/no custom fields), the VIP/A/B/C grading table, and the churn thresholds
 * (and the contractEndDate custom field). Idempotent: each is stored once, never reset.
 */
export async function ensureQualificationDefaults(tx: Db, orgId: string): Promise<void> {
  await readScoringRules(tx, orgId);
  await readGradingConfig(tx, orgId);
  await readChurnConfig(tx, orgId);
}
