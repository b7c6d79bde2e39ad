import type { ScoringRuleSet } from './scoreCustomer';

/**
 * Seed 003, 目标客户 "目标客户应尽量满足以下标准":
 *   1、人员规模:50人以上;                 → headcount ≥ 50
 *   2、地域分布:地域分布较广,最好多地点办公;  → custom.multiSite
 *   3、信息化现状:局部应用如财务软件等基本完成,有局域网; → custom.hasFinanceSoftware, custom.hasLan
 *   4、管理特征:强调执行、注重效率、追求管理规范化、关注企业文化; → custom.managementFocus
 *   5、信息特征:知识密集型、文档密集型、共享要求高等; → custom.knowledgeIntensive
 *   6、客户业务:在其细分行业中具备较强竞争力,财务状况应比较理想。 → custom.nicheLeader, custom.soundFinances
 * The custom fields are yes/no fields (true, 'yes', '是' all count). The seed gives no weights:
 * they total 100, size and the two business criteria weigh most because the seed's next
 * screening step (初步筛选) asks again for "经济效益良好", and the threshold of 60 means
 * "尽量满足" = most, not all, of the criteria.
 */
export const DEFAULT_SCORING_RULES: ScoringRuleSet = {
  threshold: 60,
  criteria: [
    {
      id: 'headcount',
      label: { 'zh-CN': '人员规模50人以上', en: 'At least 50 employees' },
      field: 'headcount',
      op: 'gte',
      value: 50,
      points: 20,
    },
    {
      id: 'multi_site',
      label: { 'zh-CN': '地域分布较广,多地点办公', en: 'Spread out, several office locations' },
      field: 'custom.multiSite',
      op: 'eq',
      value: true,
      points: 10,
    },
    {
      id: 'finance_software',
      label: {
        'zh-CN': '财务软件等局部应用基本完成',
        en: 'Departmental software such as finance already in place',
      },
      field: 'custom.hasFinanceSoftware',
      op: 'eq',
      value: true,
      points: 10,
    },
    {
      id: 'lan',
      label: { 'zh-CN': '有局域网', en: 'Has a local area network' },
      field: 'custom.hasLan',
      op: 'eq',
      value: true,
      points: 10,
    },
    {
      id: 'management_focus',
      label: {
        'zh-CN': '强调执行、注重效率、追求管理规范化、关注企业文化',
        en: 'Stresses execution, efficiency, formal management and company culture',
      },
      field: 'custom.managementFocus',
      op: 'eq',
      value: true,
      points: 10,
    },
    {
      id: 'knowledge_intensive',
      label: {
        'zh-CN': '知识密集型、文档密集型、共享要求高',
        en: 'Knowledge- and document-intensive, high need to share',
      },
      field: 'custom.knowledgeIntensive',
      op: 'eq',
      value: true,
      points: 10,
    },
    {
      id: 'niche_leader',
      label: {
        'zh-CN': '在细分行业中具备较强竞争力',
        en: 'Strong competitor in its market niche',
      },
      field: 'custom.nicheLeader',
      op: 'eq',
      value: true,
      points: 15,
    },
    {
      id: 'sound_finances',
      label: { 'zh-CN': '财务状况比较理想', en: 'Sound finances' },
      field: 'custom.soundFinances',
      op: 'eq',
      value: true,
      points: 15,
    },
  ],
};
