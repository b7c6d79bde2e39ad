import type { Localized } from '../../vocabulary';
import type { FunnelStage, Objection, StageCriterion } from '../types';

export function text(zhCN: string, en: string): Localized {
  return { 'zh-CN': zhCN, en };
}

export function criterion(id: string, label: Localized, required = true): StageCriterion {
  return { id, label, required };
}

export function objection(question: Localized, answer: Localized): Objection {
  return { objection: question, answer };
}

type OpenStageParts = Omit<
  FunnelStage,
  'terminal' | 'keyActions' | 'criteria' | 'scripts' | 'objections'
> &
  Partial<Pick<FunnelStage, 'keyActions' | 'criteria' | 'scripts' | 'objections'>>;

/** A non-terminal stage; lists the seeds say nothing about stay empty. */
export function openStage(parts: OpenStageParts): FunnelStage {
  return {
    keyActions: [],
    criteria: [],
    scripts: [],
    objections: [],
    ...parts,
    terminal: null,
  };
}

type WonStageParts = Pick<
  FunnelStage,
  'name' | 'definition' | 'signatureOutput' | 'goalMetric' | 'criteria'
> &
  Partial<Pick<FunnelStage, 'scripts'>>;

/** The won stage: named after the seed's last step, entered through its criteria. */
export function wonStage(parts: WonStageParts): FunnelStage {
  return {
    key: 'won',
    probability: 100,
    keyActions: [],
    staleAfterDays: null,
    terminal: 'won',
    scripts: [],
    objections: [],
    ...parts,
  };
}

/** Lost is the same in every template; the loss reason is recorded on the stage move. */
export const LOST_STAGE: FunnelStage = {
  key: 'lost',
  name: text('丢单', 'Lost'),
  definition: text(
    '商机丢失或已放弃。须记录丢单原因,以便分析。',
    'The opportunity was lost or dropped. A loss reason is recorded for later analysis.',
  ),
  signatureOutput: text('丢单原因记录', 'Recorded loss reason'),
  probability: 0,
  goalMetric: text('丢单原因分布', 'Breakdown of loss reasons'),
  keyActions: [],
  criteria: [],
  staleAfterDays: null,
  terminal: 'lost',
  scripts: [],
  objections: [],
};

/** Seed 002 "跟进的话题": a reason for every follow-up. */
export const FOLLOW_UP_TOPICS_SCRIPT = text(
  '为每一次跟进找一个漂亮的借口:价格波动(定期更新价格、说明涨跌原因)、产品信息(卖点、新品、技术更新、免费样品)、行业趋势(目标市场政策、供需、展会)、资料共享(产品实图、用户手册、技术文件)、公司动态;也可从客户的爱好、生日和重大节日问候入手。',
  'Give every follow-up a good reason: price changes (regular updates, why prices moved), product news (selling points, new products, technical updates, free samples), industry trends (policy in the target market, supply and demand, trade shows), shared material (product photos, user manuals, technical documents) or company news; or start from the customer’s hobbies, birthday or a holiday greeting.',
);
