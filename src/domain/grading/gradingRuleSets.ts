import type { GradingRuleSet } from './gradeCustomer';

const WAN = 1_000_000; // 1万元 in cents

/**
 * Seed 003, 客户分级及政策表 (客户分级评定指标及合作政策). The extracted table reads:
 *   VIP "1、品项超过6个以上;2、回款20万/月以上"                 → productLines ≥ 7, 月回款 ≥ 20万
 *   A   "1、单个合作品项月度回款超过10万" (硬性)
 *       "2、合作品项超过3个以上,月度稳定回款10万/月以上" (建议)   → 月回款 ≥ 10万
 *   B   "1、单个合作品项月度回款超过5万" (硬性)
 *       "2、合作品项超过1个以上,月度稳定回款3-5万/月以上" (建议)  → 月回款 ≥ 5万
 *   C   everyone else.
 * Only the hard (硬性) indicators are conditions; the suggested ones are in the descriptions.
 * 超过 N 个 is read as more than N; money bounds are inclusive (以上), a cent apart at most.
 * 账期 "10-15" and "0-7" and 回款标准 "100% 达不到回款标准可暂停发货" are legible for the two
 * lower grades; the VIP and A terms are not, so 30 days for both is this project's choice.
 */
export const VIP_ABC_GRADING: GradingRuleSet = {
  id: 'vip-abc',
  name: { 'zh-CN': '客户分级及政策表(VIP/A/B/C)', en: 'Customer grades and policies (VIP/A/B/C)' },
  grades: [
    {
      grade: 'VIP',
      label: { 'zh-CN': 'VIP', en: 'VIP' },
      conditions: [
        { metric: 'productLines', op: 'gte', value: 7 },
        { metric: 'trailingMonthlyRevenueCents', op: 'gte', value: 20 * WAN },
      ],
      policy: {
        paymentTermsDays: 30,
        supportLevel: { 'zh-CN': '重点维护', en: 'Priority care' },
        description: {
          'zh-CN':
            '对公司产品及服务的最大化使用者,价格敏感度高,会同时与多家同类企业合作,会积极介绍新客户;约占5%。',
          en: 'Heaviest users of our products and services; price-sensitive, also buy from competitors, refer new customers; about 5%.',
        },
      },
    },
    {
      grade: 'A',
      label: { 'zh-CN': 'A类', en: 'A' },
      conditions: [{ metric: 'trailingMonthlyRevenueCents', op: 'gte', value: 10 * WAN }],
      policy: {
        paymentTermsDays: 30,
        supportLevel: { 'zh-CN': '重点保护', en: 'Key account protection' },
        description: {
          'zh-CN':
            '公司的关键客户,公司80%的利润依靠他们实现,是必须重点保护的对象;建议合作品项3个以上、月度稳定回款10万以上;约占20%。',
          en: 'Key accounts that bring 80% of the profit and must be protected; ideally more than 3 product lines and a steady ¥100,000 a month; about 20%.',
        },
      },
    },
    {
      grade: 'B',
      label: { 'zh-CN': 'B类', en: 'B' },
      conditions: [{ metric: 'trailingMonthlyRevenueCents', op: 'gte', value: 5 * WAN }],
      policy: {
        paymentTermsDays: 15,
        supportLevel: {
          'zh-CN': '只支持常规品牌推广活动,不再额外支持特殊活动政策;选择性培训支持',
          en: 'Regular brand promotions only, no special campaign support; selective training',
        },
        description: {
          'zh-CN':
            '数量较大,购买力、忠诚度及合作价值远不如前两类,不值得特殊对待;账期10-15天;建议合作品项1个以上、月度稳定回款3-5万;约占50%。',
          en: 'Many customers whose buying power, loyalty and value are well below the two above; no special treatment; 10–15 days credit; about 50%.',
        },
      },
    },
    {
      grade: 'C',
      label: { 'zh-CN': 'C类', en: 'C' },
      conditions: [],
      policy: {
        paymentTermsDays: 7,
        supportLevel: { 'zh-CN': '计划逐步淘汰', en: 'Phase out gradually' },
        description: {
          'zh-CN':
            '利润低的小客户和信用较低的劣质客户,常提出延期支付甚至无故拒付;账期0-7天,回款标准100%,达不到回款标准可暂停发货;约占25%。',
          en: 'Small low-profit or poor-credit customers who often delay or refuse payment; 0–7 days credit, 100% collection, deliveries may stop when it is not met; about 25%.',
        },
      },
    },
  ],
};

/**
 * Seed 003, 客户分级表格模板 (A–D): "A级客户 价值最高,忠诚度高,消费能力强 / 消费额高,频次高,
 * 口碑好 / 重点关注,定期回访,个性化服务,高价值产品推荐" … "D级客户 … 消费额低,频次低,口碑差".
 * The template has words, not numbers: 消费额 is trailing 12-month revenue on the seed's
 * 客户漏斗图 edges (20万, 10万, 1万), 频次 is orders a year, 忠诚度 the on-time payment ratio.
 * Those numbers and the terms are this project's choice.
 */
export const ABCD_GRADING: GradingRuleSet = {
  id: 'abcd',
  name: { 'zh-CN': '客户分级表格模板(A/B/C/D)', en: 'Customer grading template (A/B/C/D)' },
  grades: [
    {
      grade: 'A',
      label: { 'zh-CN': 'A级', en: 'A' },
      conditions: [
        { metric: 'trailing12mRevenueCents', op: 'gte', value: 20 * WAN },
        { metric: 'ordersLast12m', op: 'gte', value: 12 },
        { metric: 'onTimePaymentRatio', op: 'gte', value: 0.9 },
      ],
      policy: {
        paymentTermsDays: 30,
        supportLevel: {
          'zh-CN': '重点关注,定期回访,个性化服务,高价值产品推荐',
          en: 'Close attention, regular visits, personal service, high-value offers',
        },
        description: {
          'zh-CN': '价值最高,忠诚度高,消费能力强;消费额高,频次高,口碑好。',
          en: 'Highest value, loyal, strong buying power; buys much and often, good word of mouth.',
        },
      },
    },
    {
      grade: 'B',
      label: { 'zh-CN': 'B级', en: 'B' },
      conditions: [
        { metric: 'trailing12mRevenueCents', op: 'gte', value: 10 * WAN },
        { metric: 'ordersLast12m', op: 'gte', value: 6 },
        { metric: 'onTimePaymentRatio', op: 'gte', value: 0.7 },
      ],
      policy: {
        paymentTermsDays: 15,
        supportLevel: {
          'zh-CN': '定期回访,个性化服务,推荐中价值产品',
          en: 'Regular visits, personal service, mid-value offers',
        },
        description: {
          'zh-CN': '价值较高,忠诚度一般,消费能力较强;消费额较高,频次较高,口碑较好。',
          en: 'High value, average loyalty, good buying power; buys fairly much and often.',
        },
      },
    },
    {
      grade: 'C',
      label: { 'zh-CN': 'C级', en: 'C' },
      conditions: [
        { metric: 'trailing12mRevenueCents', op: 'gte', value: 1 * WAN },
        { metric: 'ordersLast12m', op: 'gte', value: 2 },
      ],
      policy: {
        paymentTermsDays: 7,
        supportLevel: {
          'zh-CN': '定期回访,标准化服务,推荐低价值产品',
          en: 'Regular visits, standard service, low-value offers',
        },
        description: {
          'zh-CN': '价值一般,忠诚度较低,消费能力较弱;消费额较低,频次较低,口碑一般。',
          en: 'Average value, low loyalty, weak buying power; buys little and seldom.',
        },
      },
    },
    {
      grade: 'D',
      label: { 'zh-CN': 'D级', en: 'D' },
      conditions: [],
      policy: {
        paymentTermsDays: 0,
        supportLevel: {
          'zh-CN': '定期回访,保持联系,提高满意度和忠诚度',
          en: 'Regular visits to keep in touch and raise satisfaction and loyalty',
        },
        description: {
          'zh-CN': '价值较低,忠诚度低,消费能力弱;消费额低,频次低,口碑差。',
          en: 'Low value, disloyal, weak buying power; buys little, rarely, poor word of mouth.',
        },
      },
    },
  ],
};
