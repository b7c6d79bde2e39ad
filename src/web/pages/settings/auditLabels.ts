// Labels for the audit log page: every action and record type the server writes
// (src/domain/audit/auditVocabulary.ts), the changed fields' names, and their values as text.
import type { AuditAction, AuditEntity } from '../../../domain/audit/auditVocabulary';

interface Label {
  labelKey: string;
}

export const ACTION_LABELS: Record<AuditAction, Label> = {
  create: { labelKey: 'audit.actions.create' },
  update: { labelKey: 'audit.actions.update' },
  delete: { labelKey: 'audit.actions.delete' },
  archive: { labelKey: 'audit.actions.archive' },
  reorder: { labelKey: 'audit.actions.reorder' },
  claim: { labelKey: 'audit.actions.claim' },
  release: { labelKey: 'audit.actions.release' },
  lapse: { labelKey: 'audit.actions.lapse' },
  assign: { labelKey: 'audit.actions.assign' },
  share: { labelKey: 'audit.actions.share' },
  unshare: { labelKey: 'audit.actions.unshare' },
  stage_move: { labelKey: 'audit.actions.stageMove' },
  stage_override: { labelKey: 'audit.actions.stageOverride' },
  lifecycle_move: { labelKey: 'audit.actions.lifecycleMove' },
  lifecycle_override: { labelKey: 'audit.actions.lifecycleOverride' },
  check: { labelKey: 'audit.actions.check' },
  uncheck: { labelKey: 'audit.actions.uncheck' },
  complete: { labelKey: 'audit.actions.complete' },
  add_document: { labelKey: 'audit.actions.addDocument' },
  convert: { labelKey: 'audit.actions.convert' },
  submit: { labelKey: 'audit.actions.submit' },
  review: { labelKey: 'audit.actions.review' },
  comment: { labelKey: 'audit.actions.comment' },
  invite: { labelKey: 'audit.actions.invite' },
  uninvite: { labelKey: 'audit.actions.uninvite' },
  attend: { labelKey: 'audit.actions.attend' },
  grade: { labelKey: 'audit.actions.grade' },
  import_done: { labelKey: 'audit.actions.importDone' },
  import_failed: { labelKey: 'audit.actions.importFailed' },
  export: { labelKey: 'audit.actions.export' },
  export_refused: { labelKey: 'audit.actions.exportRefused' },
  export_unfinished: { labelKey: 'audit.actions.exportUnfinished' },
  login: { labelKey: 'audit.actions.login' },
  login_failed: { labelKey: 'audit.actions.loginFailed' },
  logout: { labelKey: 'audit.actions.logout' },
  set_password: { labelKey: 'audit.actions.setPassword' },
};

export const ENTITY_LABELS: Record<AuditEntity, Label> = {
  customer: { labelKey: 'audit.entities.customer' },
  contact: { labelKey: 'audit.entities.contact' },
  deal: { labelKey: 'audit.entities.deal' },
  task: { labelKey: 'audit.entities.task' },
  activity: { labelKey: 'audit.entities.activity' },
  inquiry: { labelKey: 'audit.entities.inquiry' },
  campaign: { labelKey: 'audit.entities.campaign' },
  import: { labelKey: 'audit.entities.import' },
  grading_run: { labelKey: 'audit.entities.gradingRun' },
  user: { labelKey: 'audit.entities.user' },
  team: { labelKey: 'audit.entities.team' },
  org: { labelKey: 'audit.entities.org' },
  saved_view: { labelKey: 'audit.entities.savedView' },
  funnel: { labelKey: 'audit.entities.funnel' },
  funnel_review: { labelKey: 'audit.entities.funnelReview' },
  lost_reason: { labelKey: 'audit.entities.lostReason' },
  custom_field_def: { labelKey: 'audit.entities.customFieldDef' },
  source_channel: { labelKey: 'audit.entities.sourceChannel' },
  follow_up_topic: { labelKey: 'audit.entities.followUpTopic' },
  territory: { labelKey: 'audit.entities.territory' },
  ownership_settings: { labelKey: 'audit.entities.ownershipSettings' },
  holding_limit: { labelKey: 'audit.entities.holdingLimit' },
  lapse_rule: { labelKey: 'audit.entities.lapseRule' },
  activity_target: { labelKey: 'audit.entities.activityTarget' },
  sales_target: { labelKey: 'audit.entities.salesTarget' },
  scoring_rules: { labelKey: 'audit.entities.scoringRules' },
  grading_rules: { labelKey: 'audit.entities.gradingRules' },
  churn_rules: { labelKey: 'audit.entities.churnRules' },
  forecast: { labelKey: 'audit.entities.forecast' },
  funnel_report: { labelKey: 'audit.entities.funnelReport' },
  account_assessment: { labelKey: 'audit.entities.accountAssessment' },
  work_data_report: { labelKey: 'audit.entities.workDataReport' },
  campaign_report: { labelKey: 'audit.entities.campaignReport' },
};

type FieldLabels = Record<string, Label>;

// Field names the app already labels on its own pages, by the record type they belong to.
const CUSTOMER_FIELDS: FieldLabels = {
  name: { labelKey: 'customers.fields.name' },
  industry: { labelKey: 'customers.fields.industry' },
  headcount: { labelKey: 'customers.fields.headcount' },
  province: { labelKey: 'customers.fields.province' },
  city: { labelKey: 'customers.fields.city' },
  address: { labelKey: 'customers.fields.address' },
  country: { labelKey: 'customers.fields.country' },
  website: { labelKey: 'customers.fields.website' },
  phone: { labelKey: 'customers.fields.phone' },
  email: { labelKey: 'customers.fields.email' },
  source: { labelKey: 'customers.fields.source' },
  tags: { labelKey: 'customers.fields.tags' },
  grade: { labelKey: 'customers.fields.grade' },
  score: { labelKey: 'customers.fields.score' },
  region: { labelKey: 'customers.fields.region' },
  custom: { labelKey: 'customers.fields.custom' },
  archived: { labelKey: 'customers.fields.archived' },
  nextFollowUpAt: { labelKey: 'customers.fields.nextFollowUpAt' },
};

const CONTACT_FIELDS: FieldLabels = {
  name: { labelKey: 'contacts.fields.name' },
  title: { labelKey: 'contacts.fields.title' },
  phone: { labelKey: 'contacts.fields.phone' },
  mobile: { labelKey: 'contacts.fields.mobile' },
  email: { labelKey: 'contacts.fields.email' },
  wechat: { labelKey: 'contacts.fields.wechat' },
  whatsapp: { labelKey: 'contacts.fields.whatsapp' },
  role: { labelKey: 'contacts.fields.role' },
  decisionWeight: { labelKey: 'contacts.fields.decisionWeight' },
  personalStyle: { labelKey: 'contacts.fields.personalStyle' },
  birthday: { labelKey: 'contacts.fields.birthday' },
  interests: { labelKey: 'contacts.fields.interests' },
  notes: { labelKey: 'contacts.fields.notes' },
  isPrimary: { labelKey: 'contacts.fields.isPrimary' },
};

const TASK_FIELDS: FieldLabels = {
  title: { labelKey: 'tasks.fields.title' },
  dueAt: { labelKey: 'tasks.fields.dueAt' },
  customerId: { labelKey: 'tasks.fields.customer' },
  assigneeId: { labelKey: 'tasks.fields.assignee' },
  notes: { labelKey: 'tasks.fields.notes' },
  status: { labelKey: 'tasks.fields.status' },
};

const INQUIRY_FIELDS: FieldLabels = {
  channel: { labelKey: 'inquiries.fields.channel' },
  body: { labelKey: 'inquiries.fields.body' },
  subject: { labelKey: 'inquiries.fields.subject' },
  senderName: { labelKey: 'inquiries.fields.senderName' },
  senderEmail: { labelKey: 'inquiries.fields.senderEmail' },
  company: { labelKey: 'inquiries.fields.company' },
  country: { labelKey: 'inquiries.fields.country' },
  class: { labelKey: 'inquiries.fields.class' },
  receivedAt: { labelKey: 'inquiries.fields.receivedAt' },
  status: { labelKey: 'inquiries.fields.status' },
};

const CAMPAIGN_FIELDS: FieldLabels = {
  name: { labelKey: 'campaigns.fields.name' },
  type: { labelKey: 'campaigns.fields.type' },
  startsOn: { labelKey: 'campaigns.fields.startsOn' },
  endsOn: { labelKey: 'campaigns.fields.endsOn' },
  place: { labelKey: 'campaigns.fields.place' },
  cost: { labelKey: 'campaigns.fields.cost' },
  source: { labelKey: 'campaigns.fields.source' },
  notes: { labelKey: 'campaigns.fields.notes' },
};

const ACTIVITY_FIELDS: FieldLabels = {
  type: { labelKey: 'activities.fields.type' },
  occurredAt: { labelKey: 'activities.fields.occurredAt' },
  contactId: { labelKey: 'activities.fields.contact' },
  topicId: { labelKey: 'activities.fields.topic' },
  summary: { labelKey: 'activities.fields.summary' },
  feedback: { labelKey: 'activities.fields.feedback' },
  objections: { labelKey: 'activities.fields.objections' },
  nextAction: { labelKey: 'activities.fields.nextAction' },
  nextActionAt: { labelKey: 'activities.fields.nextActionAt' },
};

const DEAL_FIELDS: FieldLabels = {
  amount: { labelKey: 'funnels.field.amount' },
  budget: { labelKey: 'funnels.field.budget' },
  expectedCloseDate: { labelKey: 'funnels.field.expectedCloseDate' },
  products: { labelKey: 'funnels.field.products' },
  competitors: { labelKey: 'funnels.field.competitors' },
  nextStep: { labelKey: 'funnels.field.nextStep' },
};

/** Fields that read the same on any record. */
const COMMON_FIELDS: FieldLabels = {
  ownerId: { labelKey: 'audit.fields.ownerId' },
  teamId: { labelKey: 'audit.fields.teamId' },
  userId: { labelKey: 'audit.fields.userId' },
  stage: { labelKey: 'audit.fields.stage' },
  access: { labelKey: 'audit.fields.access' },
  reason: { labelKey: 'audit.fields.reason' },
  rule: { labelKey: 'audit.fields.rule' },
  role: { labelKey: 'audit.fields.role' },
  active: { labelKey: 'audit.fields.active' },
  version: { labelKey: 'audit.fields.version' },
};

const FIELDS_BY_ENTITY: Partial<Record<string, FieldLabels>> = {
  customer: CUSTOMER_FIELDS,
  contact: CONTACT_FIELDS,
  task: TASK_FIELDS,
  inquiry: INQUIRY_FIELDS,
  campaign: CAMPAIGN_FIELDS,
  activity: ACTIVITY_FIELDS,
  deal: DEAL_FIELDS,
};

export const ALL_FIELD_LABELS: readonly FieldLabels[] = [
  COMMON_FIELDS,
  ...Object.values(FIELDS_BY_ENTITY).filter((labels) => labels !== undefined),
];

const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** The action's label, or the stored code for one this build does not know. */
export function actionLabelKey(code: string): string | undefined {
  return own<Label>(ACTION_LABELS, code)?.labelKey;
}

export function entityLabelKey(code: string): string | undefined {
  return own<Label>(ENTITY_LABELS, code)?.labelKey;
}

export function fieldLabelKey(entity: string, field: string): string | undefined {
  const forEntity = FIELDS_BY_ENTITY[entity];
  return (forEntity && own(forEntity, field)?.labelKey) ?? own(COMMON_FIELDS, field)?.labelKey;
}
