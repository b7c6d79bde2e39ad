// Types only (erased at build): the web client speaks the server's own response schemas.

import type { z } from 'zod';
import type { BucketCustomer as BucketCustomerSchema } from '../../server/modules/reports/revenueBuckets.schema';
import type { Reminders as RemindersSchema } from '../../server/modules/tasks/tasks.schema';

export type { Locale, Role } from '../../domain/vocabulary';
export type {
  Activity,
  CreateActivityRequest,
} from '../../server/modules/activities/activities.schema';
export type {
  Contact,
  CreateContactRequest,
  DecisionChain,
  UpdateContactRequest,
} from '../../server/modules/contacts/contacts.schema';
export type {
  CreateCustomerRequest,
  Customer,
  CustomerFilters,
  CustomerSort,
  DuplicateMatch,
  UpdateCustomerRequest,
} from '../../server/modules/customers/customers.schema';
export type { TimelineItem } from '../../server/modules/customers/customers.timeline';
export type {
  DuplicateMode,
  ImportJob,
  ImportKind,
  ImportPreview,
  Mapping as ImportMapping,
} from '../../server/modules/imports/imports.schema';
export type {
  CreateCustomFieldDefRequest,
  CustomFieldDef,
  OrgSettingsView,
  SourceChannel,
  UpdateCustomFieldDefRequest,
  UpdateOrgSettingsRequest,
  UpdateSourceChannelRequest,
} from '../../server/modules/settings/settings.schema';
export type {
  CreateTaskRequest,
  MyDay,
  Task,
  UpdateTaskRequest,
} from '../../server/modules/tasks/tasks.schema';
export type {
  CreateTeamRequest,
  Team,
  UpdateTeamRequest,
} from '../../server/modules/teams/teams.schema';
export type {
  CreateTopicRequest,
  Topic,
  UpdateTopicRequest,
} from '../../server/modules/topics/topics.schema';
export type BucketCustomer = z.infer<typeof BucketCustomerSchema>;
export type { RevenueBuckets } from '../../server/modules/reports/revenueBuckets.schema';
export type {
  CreateUserRequest,
  UpdateUserRequest,
  User,
} from '../../server/modules/users/users.schema';
export type { SavedView } from '../../server/modules/views/views.schema';

// Funnels and deals (issue 4). Request bodies are the schemas' input side: amounts in 元.
type FunnelsSchema = typeof import('../../server/modules/funnels/funnels.schema');
type StagesSchema = typeof import('../../server/modules/funnels/stages.schema');
type DealsSchema = typeof import('../../server/modules/deals/deals.schema');

export type { Funnel, Stage as FunnelStage } from '../../server/modules/funnels/funnels.schema';
export type FunnelTemplate = z.infer<FunnelsSchema['FunnelTemplateOut']>;
export type CreateFunnelBody = z.input<FunnelsSchema['CreateFunnelRequest']>;
export type UpdateFunnelBody = z.input<FunnelsSchema['UpdateFunnelRequest']>;
export type FunnelStageInput = z.input<FunnelsSchema['StageInput']>;
export type KeyActionInput = z.input<FunnelsSchema['KeyActionInput']>;
export type Checklist = z.infer<StagesSchema['Checklist']>;
export type ChecklistItem = z.infer<StagesSchema['ChecklistItem']>;
export type ChecklistBody = z.input<StagesSchema['ChecklistRequest']>;
export type GatePreview = z.infer<StagesSchema['GatePreview']>;
export type UnmetItem = z.infer<StagesSchema['Unmet']>;
export type StageMove = z.infer<StagesSchema['StageMove']>;
export type MoveDealBody = z.input<StagesSchema['MoveRequest']>;
export type { Deal, DealDetail, DealListItem } from '../../server/modules/deals/deals.schema';
export type DealBoard = z.infer<DealsSchema['Board']>;
export type DealDocument = z.infer<DealsSchema['DealDocument']>;
export type CreateDealBody = z.input<DealsSchema['CreateDealRequest']>;
export type UpdateDealBody = z.input<DealsSchema['UpdateDealRequest']>;
export type CreateDocumentBody = z.input<DealsSchema['CreateDocumentRequest']>;
export type { LostReason } from '../../server/modules/deals/lostReasons.service';
export type { Lifecycle } from '../../server/modules/lifecycle/lifecycle.schema';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The header badge's open tasks due now or earlier. */
export type Reminders = z.infer<typeof RemindersSchema>;
