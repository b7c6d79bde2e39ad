import type { FunnelTemplate } from '../types';
import { criterion, LOST_STAGE, openStage, text, wonStage } from './common';

/**
 * Seed 003, 销售漏斗表: A 了解 → B 比较 → C 谈判 → D 签约, each row with 预计合同额 and 签约概率.
 * The table names the stages only; criteria, key actions and scripts come from seed 000's
 * process guide ("至少三次有效沟通、提交定制化方案"; "只有当客户明确表达了购买意向并认可初步
 * 方案框架后,方可进入商务谈判阶段"). D 签约 still carries a signing probability, so it is an
 * open stage and the signed contract is the won stage.
 */
export const ABCD_TEMPLATE: FunnelTemplate = {
  key: 'abcd',
  name: text('A/B/C/D 销售漏斗', 'A/B/C/D sales funnel'),
  description: text(
    '按销售漏斗表分级:A 了解阶段 → B 比较阶段 → C 谈判阶段 → D 签约阶段,每个客户记录预计合同额和签约概率。',
    'The funnel table’s grades: A understanding → B comparison → C negotiation → D signing, with the expected contract value and signing probability of each account.',
  ),
  stages: [
    openStage({
      key: 'understanding',
      name: text('A 了解阶段', 'A – Understanding'),
      definition: text(
        '客户开始了解我方的公司、产品与服务,我方了解客户的需求。',
        'The customer is getting to know our company, products and services, and we are learning what it needs.',
      ),
      signatureOutput: text('客户需求记录', 'Customer needs on record'),
      probability: 10,
      goalMetric: text('需求确认率', 'Needs confirmation rate'),
      keyActions: [
        {
          id: 'effective_conversations',
          label: text('至少三次有效沟通', 'At least three effective conversations'),
          kind: 'activity',
          effectiveOnly: true,
          minCount: 3,
        },
      ],
      staleAfterDays: 30,
      scripts: [
        text(
          '通过开放式提问、倾听和引导,深入了解客户的显性需求与隐性痛点,以及决策链、预算、时间周期等关键信息。',
          'Use open questions, listening and guidance to learn the customer’s stated needs and hidden pain points, plus the decision chain, budget and timeline.',
        ),
      ],
    }),
    openStage({
      key: 'comparison',
      name: text('B 比较阶段', 'B – Comparison'),
      definition: text(
        '客户在比较我方与其他供应商的产品、方案和价格。',
        'The customer is comparing our products, solution and price with other suppliers.',
      ),
      signatureOutput: text('定制化方案', 'Tailored proposal'),
      probability: 30,
      goalMetric: text('方案认可率', 'Proposal acceptance rate'),
      keyActions: [
        {
          id: 'tailored_proposal',
          label: text('提交定制化方案', 'Tailored proposal submitted'),
          kind: 'document',
          documentKind: 'proposal',
          minCount: 1,
        },
      ],
      staleAfterDays: 21,
      scripts: [
        text(
          '方案必须紧密贴合客户需求,突出产品或服务能为客户带来的独特价值和ROI;避免泛泛而谈的功能介绍,聚焦客户利益。',
          'Fit the proposal tightly to the customer’s needs and show the unique value and ROI we bring; skip generic feature tours and focus on the customer’s benefit.',
        ),
      ],
    }),
    openStage({
      key: 'negotiation',
      name: text('C 谈判阶段', 'C – Negotiation'),
      definition: text(
        '客户明确表达了购买意向并认可初步方案框架,双方就价格和条款进行商务谈判。',
        'The customer has clearly said it wants to buy and accepts the outline of the proposal; both sides negotiate price and terms.',
      ),
      signatureOutput: text('预计合同额', 'Expected contract value'),
      probability: 60,
      goalMetric: text('谈判成功率', 'Negotiation success rate'),
      criteria: [
        criterion(
          'purchase_intent',
          text('客户明确表达了购买意向', 'The customer has clearly said it wants to buy'),
        ),
        criterion(
          'framework_accepted',
          text('客户认可初步方案框架', 'The customer accepts the outline of the proposal'),
        ),
      ],
      keyActions: [
        {
          id: 'expected_amount',
          label: text('填写预计合同额', 'Expected contract value filled in'),
          kind: 'field',
          field: 'amount',
          minCount: 1,
        },
      ],
      staleAfterDays: 14,
      scripts: [
        text(
          '谈判不仅是价格的博弈,更是价值的平衡;关注客户的核心关切,寻求双赢的解决方案。',
          'Negotiation is about balancing value, not only price; focus on the customer’s core concerns and look for a win-win.',
        ),
      ],
    }),
    openStage({
      key: 'signing',
      name: text('D 签约阶段', 'D – Signing'),
      definition: text(
        '双方就合同达成一致,进入签约流程。',
        'Both sides agree on the contract and it is going through signing.',
      ),
      signatureOutput: text('合同文本', 'Contract document'),
      probability: 80,
      goalMetric: text('签约率', 'Signing rate'),
      keyActions: [
        {
          id: 'contract',
          label: text('提交合同', 'Contract submitted'),
          kind: 'document',
          documentKind: 'contract',
          minCount: 1,
        },
      ],
      staleAfterDays: 14,
      scripts: [
        text(
          '规范合同条款,确保法律合规,明确双方权责;对签约过程中的潜在风险(如客户内部审批风险)要有预判和应对措施。',
          'Use standard contract terms, stay legally compliant and spell out each side’s duties; anticipate signing risks such as the customer’s internal approvals and plan for them.',
        ),
      ],
    }),
    wonStage({
      name: text('已签约', 'Signed'),
      definition: text('合同已签订。', 'The contract is signed.'),
      signatureOutput: text('签订的合同', 'Signed contract'),
      goalMetric: text('签约金额', 'Signed contract value'),
      criteria: [criterion('contract_signed', text('合同已签订', 'The contract is signed'))],
    }),
    LOST_STAGE,
  ],
};
