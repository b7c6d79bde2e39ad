import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { orgs } from '../../db/schema';
import { notFound } from '../../http/errors';

/** Org-wide settings with their defaults; stored as JSON on the org row. */
export const OrgSettings = z.object({
  /** "My day" lists customers with no follow-up for this many days. */
  neglectedAfterDays: z.number().int().min(1).max(365).default(14),
  /** Customer rows a rep or manager may export per day (org time zone); admins are not held. */
  exportDailyRowQuota: z.number().int().min(1).max(1_000_000).default(2000),
  /** A rep's export of at least this many rows puts a reminder on their manager's list. */
  exportWarningRows: z.number().int().min(1).max(1_000_000).default(200),
});
export type OrgSettings = z.infer<typeof OrgSettings>;

export interface OrgInfo {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  settings: OrgSettings;
}

export async function getOrg(db: Db, orgId: string): Promise<OrgInfo> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!row) throw notFound('Organisation');
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    currency: row.currency,
    settings: OrgSettings.parse(row.settings ?? {}),
  };
}
