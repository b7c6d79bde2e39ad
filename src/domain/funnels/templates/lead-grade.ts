import type { FunnelTemplate } from '../types';
import { criterion, LOST_STAGE, objection, openStage, text, wonStage } from './common';

/**
 * Seed 003, 销售漏斗客户分级表: grades F → A, each with its action (动作), progress (进度) and the
 * conditions it must meet (需具备的条件), transcribed as entry criteria. The seed's action for a
 * grade is the work that reaches it, so it is a key action of the grade before (e.g. 有效接触
 * sits on F and gates E). F's conditions are alternatives ("属于以下几类情况"), so they are
 * optional items. Grade A (签约客户) is the won stage.
 */
export const LEAD_GRADE_TEMPLATE: FunnelTemplate = {
  key: 'lead-grade',
  name: text('销售漏斗客户分级(F→A)', 'Lead grading F to A'),
  description: text(
    '按客户分级推进:F 客户源准备 → E 有效接触 → D 有效探询 → C 需求分析与方案推荐 → B 预签约 → A 签约客户。每一级都有需具备的条件。',
    'Move leads up the grades: F sourcing → E effective contact → D qualified lead → C needs analysis and solution → B pre-signing → A signed customer. Each grade lists the conditions a lead must meet.',
  ),
  stages: [
    openStage({
      key: 'f',
      name: text('F 客户源准备', 'F – Prospect sourcing'),
      definition: text(
        '进度:确立客户群。符合以下任一典型情况的客户列入联系名单,锁定并展开销售。',
        'Progress: customer base defined. A prospect showing any of the typical signs below goes on the contact list and is worked.',
      ),
      signatureOutput: text('联系名单', 'Contact list'),
      probability: 5,
      goalMetric: text('锁定并展开销售的客户数', 'Prospects locked in and worked'),
      criteria: [
        criterion(
          'purchase_history',
          text('有互联网产品与服务的购买历史', 'Has bought internet products or services before'),
          false,
        ),
        criterion(
          'media_spend',
          text(
            '有明显及长期稳定的媒体宣传投入',
            'Spends visibly and steadily on media advertising',
          ),
          false,
        ),
        criterion(
          'company_referred',
          text('公司推荐的各行业类客户', 'An industry account recommended by the company'),
          false,
        ),
        criterion(
          'typical_profile',
          text('符合典型客户特征的企业', 'Matches the typical customer profile'),
          false,
        ),
      ],
      keyActions: [
        {
          id: 'first_contact',
          label: text(
            '有效接触:通过电话或上门完成初次沟通',
            'Effective contact: a first conversation by phone or in person',
          ),
          kind: 'activity',
          activityTypes: ['call', 'visit'],
          effectiveOnly: true,
          minCount: 1,
        },
      ],
      staleAfterDays: 30,
    }),
    openStage({
      key: 'e',
      name: text('E 有效接触', 'E – Effective contact'),
      definition: text(
        '进度:销售渗透阶段。通过电话或上门完成初次沟通的客户。',
        'Progress: getting a foot in the door. A first conversation by phone or in person has taken place.',
      ),
      signatureOutput: text(
        '意向识别结果(需要/考虑/不考虑/不需要)',
        'Interest level recorded (need / considering / not considering / no need)',
      ),
      probability: 10,
      goalMetric: text(
        '有效接触客户转为有效探询的比例',
        'Share of contacts turned into qualified leads',
      ),
      criteria: [
        criterion(
          'knows_purpose',
          text(
            '客户基本了解我们销售的目标产品及服务的用途',
            'The customer broadly knows what our product and service are for',
          ),
        ),
        criterion(
          'business_understood',
          text(
            '通过初次沟通,了解了客户基本业务情况和营销模式',
            'The first conversation covered the customer’s business and how it markets itself',
          ),
        ),
        criterion(
          'approver_known',
          text(
            '确定了客户的批准者与决策人,并完成基本的购买能力确认',
            'The approver and decision maker are known and the ability to pay is roughly confirmed',
          ),
        ),
        criterion(
          'interest_identified',
          text(
            '完成意向识别:了解客户(能代表批准者和决策层)对我们服务的认识程度(需要、考虑、不考虑、不需要)',
            'Interest identified: we know where the customer (speaking for the approver and decision makers) stands on our service: need, considering, not considering or no need',
          ),
        ),
      ],
      keyActions: [
        {
          id: 'probing_conversation',
          label: text(
            '有效探询沟通:电话交流或上门沟通',
            'Probing conversation by phone or in person',
          ),
          kind: 'activity',
          activityTypes: ['call', 'visit'],
          effectiveOnly: true,
          minCount: 1,
        },
      ],
      staleAfterDays: 21,
    }),
    openStage({
      key: 'd',
      name: text('D 有效探询', 'D – Qualified lead'),
      definition: text(
        '动作:有效探询沟通,基本的服务推荐。进度:确立销售线索,进行客户价值评估。',
        'Action: probing conversations and a first service recommendation. Progress: the lead is confirmed and its value assessed.',
      ),
      signatureOutput: text(
        '销售线索与客户价值评估',
        'Qualified lead with an account value assessment',
      ),
      probability: 25,
      goalMetric: text(
        '形成明确合作意向的线索比例',
        'Share of leads that reach a clear intention to work together',
      ),
      criteria: [
        criterion(
          'knows_service',
          text(
            '客户基本了解我们主要产品的服务原理、效能质量及成功案例',
            'The customer broadly knows how our main products work, their performance and success stories',
          ),
        ),
        criterion(
          'on_agenda',
          text(
            '客户将此服务列入重要的关注或待实施的项目',
            'The customer lists this service as a priority or a project to implement',
          ),
        ),
        criterion(
          'fit_confirmed',
          text(
            '掌握了客户企业的业务情况,确定我们的服务能满足客户解决营销问题与营销发展的需求',
            'We know the customer’s business and are sure our service meets its marketing problems and growth needs',
          ),
        ),
        criterion(
          'decision_process_known',
          text(
            '明确了客户的决策方式、决策流程、决策周期',
            'We know how, through which steps and how fast the customer decides',
          ),
        ),
        criterion(
          'need_state',
          text(
            '确定客户对我们服务的需求状态为:需要或可以列入考虑',
            'The customer’s stance on our service is “need” or “will consider”',
          ),
        ),
      ],
      keyActions: [
        {
          id: 'decision_maker_meeting',
          label: text(
            '上门与决策人面对面有效沟通',
            'Face-to-face conversation with the decision maker',
          ),
          kind: 'activity',
          activityTypes: ['visit', 'meeting'],
          contactRoles: ['decision_maker'],
          effectiveOnly: true,
          minCount: 1,
        },
        {
          id: 'product_demo',
          label: text(
            '针对客户问题做清晰的产品演示',
            'A clear product demo aimed at the customer’s problems',
          ),
          kind: 'activity',
          activityTypes: ['demo'],
          minCount: 1,
        },
      ],
      staleAfterDays: 21,
    }),
    openStage({
      key: 'c',
      name: text('C 需求分析与方案推荐', 'C – Needs analysis and solution'),
      definition: text(
        '动作:针对性的需求分析,解决方案推荐。需要解决客户四个主要层面的问题,并确定明确的合作意向。',
        'Action: targeted needs analysis and a recommended solution. Four areas must be settled with the customer, ending in a clear intention to work together.',
      ),
      signatureOutput: text('明确的合作意向', 'A clear intention to work together'),
      probability: 50,
      goalMetric: text('进入预签约的比例', 'Share reaching pre-signing'),
      criteria: [
        criterion(
          'explicit_need',
          text(
            '上门与决策人面对面有效沟通,完成营销问题探索及需求分析,与客户形成共同认知的显性需求',
            'Met the decision maker face to face, explored the marketing problems, analysed needs and agreed an explicit need with the customer',
          ),
        ),
        criterion(
          'demo_understood',
          text(
            '针对客户问题推荐产品并清晰演示,客户了解产品的基本服务原理、特征及满足其特定需求的功能',
            'Recommended and clearly demonstrated the product for the customer’s problems; the customer understands how it works, its features and the functions that meet its needs',
          ),
        ),
        criterion(
          'objections_handled',
          text(
            '已有效处理客户的常见异议(如担心效果、服务质量、恶意点击)',
            'The usual objections are handled (e.g. doubts about results, service quality, click fraud)',
          ),
        ),
        criterion(
          'pricing_understood',
          text(
            '客户明确我们的价格体系和基本计费模式',
            'The customer understands our price list and billing model',
          ),
        ),
      ],
      keyActions: [
        {
          id: 'quote',
          label: text('提交报价', 'Quote submitted'),
          kind: 'document',
          documentKind: 'quote',
          minCount: 1,
        },
      ],
      staleAfterDays: 21,
      objections: [
        objection(
          text('担心效果', 'Doubts about results'),
          text(
            '讲清产品的服务原理和效能质量,给出成功案例;必要时做可行性演示,用真实结果证明方案可信、可行。',
            'Explain how the product works and performs and show success stories; if needed run a feasibility demo to prove with real results that it works.',
          ),
        ),
        objection(
          text('担心服务质量', 'Doubts about service quality'),
          text(
            '邀请客户参观公司和成功案例,与老客户交流,降低合作风险。',
            'Invite the customer to visit us and a reference customer and talk to existing customers, which lowers the risk for them.',
          ),
        ),
      ],
    }),
    openStage({
      key: 'b',
      name: text('B 预签约', 'B – Pre-signing'),
      definition: text(
        '动作:提出成交,有效逼单。进度:预签约客户,已得到客户的签约意向承诺。',
        'Action: ask for the business and push for the close. Progress: the customer has committed to sign.',
      ),
      signatureOutput: text('签约意向承诺', 'Commitment to sign'),
      probability: 80,
      goalMetric: text('签约率', 'Signing rate'),
      criteria: [
        criterion(
          'key_objections_cleared',
          text(
            '完全解决消除了客户的关键性异议,或提供了针对客户异议的预防手段',
            'The key objections are fully resolved, or there is a safeguard for each',
          ),
        ),
        criterion(
          'price_or_budget',
          text(
            '得到较明确的价格认可或费用预算承诺',
            'The price is accepted or a budget is committed',
          ),
        ),
        criterion(
          'signing_deadline',
          text('得到项目签约的期限承诺', 'The customer has committed to a signing date'),
        ),
        criterion(
          'competition_excluded',
          text(
            '排除了竞争性产品的替代可能及竞争对手',
            'Competing products and competitors are ruled out',
          ),
        ),
      ],
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
    }),
    wonStage({
      name: text('A 签约客户', 'A – Signed customer'),
      definition: text(
        '进度:跟踪服务阶段。签约超过1个月未付全款或有效预付金,且迟滞付款原因不明或多次无法履行付款时间承诺的客户,重新评估并降级处理。',
        'Progress: follow-up service. A customer who signed over a month ago without paying in full or a real deposit, with no clear reason or repeatedly missed payment promises, is re-assessed and downgraded.',
      ),
      signatureOutput: text('签订的合同与回款', 'Signed contract and payment'),
      goalMetric: text('按期回款', 'Payment received on time'),
      criteria: [
        criterion('signed', text('已经签约', 'The contract is signed')),
        criterion(
          'payment_secured',
          text(
            '已付全款,或已付部分预付款或定金,或未付款但已明确迟滞付款的原因并获得明确的付款时间承诺',
            'Paid in full, or a deposit or part payment received, or unpaid with a clear reason and a firm payment date',
          ),
        ),
      ],
    }),
    LOST_STAGE,
  ],
};
