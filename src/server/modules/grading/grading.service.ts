import { sql } from 'drizzle-orm';
import { centsToYuanString } from '../../../domain/format';
import { zonedDay } from '../../../domain/format/dates';
import {
  ABCD_GRADING,
  DEFAULT_UNPAID_DOWNGRADE_DAYS,
  type GradingMetrics,
  type GradingOptions,
  type GradingRuleSet,
  gradeCustomer,
  VIP_ABC_GRADING,
  validateGradingOptions,
  validateGradingRules,
} from '../../../domain/grading';
import type { Locale, Localized } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { type FieldError, notFound, validationFailed } from '../../http/errors';
import { visibleCustomers } from '../customers/customers.access';
import { getOrg } from '../orgs/orgs.service';
import { readSetting, type StoredSetting, writeSetting } from '../scoring/qualificationSettings';
import { customerGradeSql } from './customerGradeSql';
import type {
  CustomerGrade,
  GradingSettings,
  UpdateGradingSettingsRequest,
} from './grading.schema';
import { metricsOfCustomer } from './gradingMetrics';

type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;

export interface GradingConfig {
  ruleSet: GradingRuleSet;
  /** null: the unpaid downgrade is switched off. */
  unpaidDowngradeDays: number | null;
  trailingMonths: number;
}

export const PRESETS: Record<'vip-abc' | 'abcd', GradingRuleSet> = {
  'vip-abc': VIP_ABC_GRADING,
  abcd: ABCD_GRADING,
};

const DEFAULT_GRADING: GradingConfig = {
  ruleSet: VIP_ABC_GRADING,
  unpaidDowngradeDays: DEFAULT_UNPAID_DOWNGRADE_DAYS,
  trailingMonths: 3,
};

export function readGradingConfig(db: Db, orgId: string): Promise<StoredSetting<GradingConfig>> {
  return readSetting(db, orgId, 'grading', DEFAULT_GRADING);
}

export function gradingOptions(config: GradingConfig): GradingOptions {
  return { unpaidDowngradeDays: config.unpaidDowngradeDays ?? Number.POSITIVE_INFINITY };
}

function presentSettings(stored: StoredSetting<GradingConfig>): GradingSettings {
  return {
    ruleSet: stored.value.ruleSet,
    unpaidDowngradeDays: stored.value.unpaidDowngradeDays,
    trailingMonths: stored.value.trailingMonths,
    version: stored.version,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    presets: [VIP_ABC_GRADING, ABCD_GRADING],
  };
}

export async function getGradingSettings(db: Db, orgId: string): Promise<GradingSettings> {
  return presentSettings(await readGradingConfig(db, orgId));
}

// 'grades[0].conditions[1].value: …' → { field: 'body.ruleSet.grades.0.conditions.1.value', … }
function toFieldError(problem: string, prefix: string): FieldError {
  const colon = problem.indexOf(': ');
  const path = problem.slice(0, colon).replace(/\[(\d+)\]/g, '.$1');
  return { field: `${prefix}.${path}`, message: problem.slice(colon + 2) };
}

export async function updateGradingSettings(
  db: Db,
  actor: Viewer & { ip?: string | null },
  input: UpdateGradingSettingsRequest,
): Promise<GradingSettings> {
  if (input.ruleSet && input.preset) {
    throw validationFailed([{ field: 'body.preset', message: 'give either ruleSet or preset' }]);
  }
  return db.transaction(async (tx) => {
    const current = (await readGradingConfig(tx, actor.orgId)).value;
    const next: GradingConfig = {
      ruleSet: input.preset ? PRESETS[input.preset] : (input.ruleSet ?? current.ruleSet),
      unpaidDowngradeDays:
        input.unpaidDowngradeDays === undefined
          ? current.unpaidDowngradeDays
          : input.unpaidDowngradeDays,
      trailingMonths: input.trailingMonths ?? current.trailingMonths,
    };
    const problems = [
      ...validateGradingRules(next.ruleSet).map((p) => toFieldError(p, 'body.ruleSet')),
      ...validateGradingOptions(gradingOptions(next)).map((p) => toFieldError(p, 'body')),
    ];
    if (problems.length > 0) throw validationFailed(problems);
    const stored = await writeSetting(tx, actor, 'grading', input.version, next, DEFAULT_GRADING);
    return presentSettings(stored);
  });
}

const yuan = (cents: number) => Number(centsToYuanString(cents));

export interface GradePolicyView {
  grade: string;
  label: string;
  paymentTermsDays: number;
  /** 元; null when the grade sets no limit. */
  creditLimit: number | null;
  supportLevel: string;
  description: string;
}

/** A grade's policy (账期, support) under the org's rule set, for the customer page and new deals. */
export async function gradePolicyOf(
  db: Db,
  orgId: string,
  grade: string | null,
  locale: Locale,
): Promise<GradePolicyView | null> {
  if (!grade) return null;
  const config = (await readGradingConfig(db, orgId)).value;
  const found = config.ruleSet.grades.find((g) => g.grade === grade);
  if (!found) return null;
  return {
    grade,
    label: found.label[locale],
    paymentTermsDays: found.policy.paymentTermsDays,
    creditLimit:
      found.policy.creditLimitCents === undefined ? null : yuan(found.policy.creditLimitCents),
    supportLevel: found.policy.supportLevel[locale],
    description: found.policy.description[locale],
  };
}

const texts = (items: Localized[], locale: Locale) => items.map((item) => item[locale]);

interface HistoryRow {
  from_grade: string | null;
  to_grade: string;
  rule_set_id: string;
  reasons: Localized[] | null;
  metrics: GradingMetrics;
  downgraded_for_unpaid: boolean;
  changed_at: Date | string;
  run_config: GradingConfig | null;
}

/**
 * A history entry's reasons: stored by runs before grading moved into SQL, otherwise
 * gradeCustomer's over the stored metrics with the config the run graded with.
 */
function historyReasons(entry: HistoryRow): Localized[] {
  if (entry.reasons) return entry.reasons;
  if (!entry.run_config) return [];
  return gradeCustomer(entry.metrics, entry.run_config.ruleSet, gradingOptions(entry.run_config))
    .reasons;
}

export async function getCustomerGrade(
  db: Db,
  viewer: Viewer,
  customerId: string,
  context: { now: Date; locale: Locale },
): Promise<CustomerGrade> {
  const [customer] = await queryRows<{ id: string; grade: string | null }>(
    db,
    sql`select c.id, ${customerGradeSql('c')} as grade from customers c
      where c.org_id = ${viewer.orgId} and c.id = ${customerId} and ${visibleCustomers(viewer)}`,
  );
  if (!customer) throw notFound('Customer');
  const { locale } = context;
  const config = (await readGradingConfig(db, viewer.orgId)).value;
  const org = await getOrg(db, viewer.orgId);
  const today = zonedDay(context.now, org.timeZone);
  const metrics = await metricsOfCustomer(
    db,
    viewer.orgId,
    customerId,
    today,
    config.trailingMonths,
  );
  const policy = await gradePolicyOf(db, viewer.orgId, customer.grade, locale);
  const result = metrics ? gradeCustomer(metrics, config.ruleSet, gradingOptions(config)) : null;
  const history = await queryRows<HistoryRow>(
    db,
    sql`select h.from_grade, h.to_grade, h.rule_set_id, h.reasons, h.metrics,
        h.downgraded_for_unpaid, h.changed_at, r.config as run_config
      from grade_history h
      left join grading_runs r on r.org_id = h.org_id and r.id = h.run_id
      where h.org_id = ${viewer.orgId} and h.customer_id = ${customerId}
      order by h.changed_at desc, h.id desc limit 50`,
  );
  return {
    customerId,
    grade: customer.grade,
    label: policy?.label ?? null,
    policy: policy
      ? {
          paymentTermsDays: policy.paymentTermsDays,
          creditLimit: policy.creditLimit,
          supportLevel: policy.supportLevel,
          description: policy.description,
        }
      : null,
    ruleSetId: config.ruleSet.id,
    current:
      metrics && result
        ? {
            grade: result.grade,
            reasons: texts(result.reasons, locale),
            downgradedForUnpaid: result.downgradedForUnpaid,
            metrics: {
              trailingMonthlyRevenue: yuan(metrics.trailingMonthlyRevenueCents),
              trailing12mRevenue: yuan(metrics.trailing12mRevenueCents),
              paid: yuan(metrics.paidCents),
              outstanding: yuan(metrics.outstandingCents),
              oldestUnpaidDays: metrics.oldestUnpaidDays,
              productLines: metrics.productLines,
              ordersLast12m: metrics.ordersLast12m,
              onTimePaymentRatio:
                metrics.onTimePaymentRatio === null
                  ? null
                  : Math.round(metrics.onTimePaymentRatio * 1000) / 1000,
            },
          }
        : null,
    history: history.map((entry) => ({
      fromGrade: entry.from_grade,
      toGrade: entry.to_grade,
      ruleSetId: entry.rule_set_id,
      reasons: texts(historyReasons(entry), locale),
      downgradedForUnpaid: entry.downgraded_for_unpaid,
      changedAt: new Date(entry.changed_at).toISOString(),
    })),
  };
}
