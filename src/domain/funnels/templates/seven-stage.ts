import type { FunnelTemplate } from '../types';
import { criterion, LOST_STAGE, objection, openStage, text, wonStage } from './common';

/**
 * Seed 003, 销售漏斗各阶段定义与行动标准 (seven stages, written for office-automation software).
 * In the seed a stage's assessment (评估) is the bar for moving on: target's 初步筛选 is
 * "推进到潜在商机阶段的评估参考标准", so it gates potential, and 初步认可's 阶段评估 gates
 * negotiation, whose feature "确定谈判时间表" it checks. Target's six standards are "应尽量满足"
 * (meet as many as possible), so they are optional items. 成交 (closed) is the won stage.
 */
export const SEVEN_STAGE_TEMPLATE: FunnelTemplate = {
  key: 'seven-stage',
  name: text('销售漏斗七阶段', 'Seven-stage sales funnel'),
  description: text(
    '七个阶段:目标客户 → 潜在客户 → 意向客户 → 立项客户 → 认可客户 → 商务谈判 → 成交客户,每个阶段有特征、行动和评估标准。没有达成阶段目的,客户阶段只能原地逗留甚至倒退。',
    'Seven stages: target → potential → intent → project approved → accepted → negotiation → closed, each with its features, actions and assessment. A deal that misses a stage’s goal stays where it is, or slips back.',
  ),
  stages: [
    openStage({
      key: 'target',
      name: text('目标客户', 'Target customer'),
      definition: text(
        '定位目标行业和客户名单并挖掘信息:宏观考虑区域行业分布和目标客户特征,分析公司老客户资源、最适合公司产品和解决方案的客户以及竞争对手签约客户的占比。',
        'Pick the target industries and account list and research them: industry spread in the region, the profile of a good customer, our existing customer base, which accounts our products fit best, and the share signed by competitors.',
      ),
      signatureOutput: text(
        '目标客户名单与客户基本信息',
        'Target account list with basic account information',
      ),
      probability: 5,
      goalMetric: text(
        '精准定位并搜集到客户名单',
        'Accurate targeting and a complete account list',
      ),
      criteria: [
        criterion('headcount_50', text('人员规模50人以上', 'At least 50 employees'), false),
        criterion(
          'multi_site',
          text('地域分布较广,最好多地点办公', 'Spread out, ideally several office locations'),
          false,
        ),
        criterion(
          'it_basics',
          text(
            '财务软件等局部应用基本完成,有局域网',
            'Departmental software such as finance is in place, and there is a LAN',
          ),
          false,
        ),
        criterion(
          'management_style',
          text(
            '强调执行、注重效率、追求管理规范化、关注企业文化',
            'Management values execution, efficiency, formal processes and company culture',
          ),
          false,
        ),
        criterion(
          'information_intensive',
          text(
            '知识密集型、文档密集型、共享要求高',
            'Knowledge- and document-heavy work with a strong need to share information',
          ),
          false,
        ),
        criterion(
          'strong_business',
          text(
            '在细分行业中具备较强竞争力,财务状况比较理想',
            'Competitive in its niche, with sound finances',
          ),
          false,
        ),
      ],
      keyActions: [
        {
          id: 'info_industry',
          label: text('搜集客户信息:行业', 'Account research: industry'),
          kind: 'field',
          field: 'industry',
          minCount: 1,
        },
        {
          id: 'info_headcount',
          label: text('搜集客户信息:规模', 'Account research: headcount'),
          kind: 'field',
          field: 'headcount',
          minCount: 1,
        },
        {
          id: 'first_contact',
          label: text(
            '初步筛选:通过电话或初次拜访与客户相关人员沟通确认',
            'Initial screening: confirm by phone or a first visit with the right people',
          ),
          kind: 'activity',
          activityTypes: ['call', 'visit'],
          minCount: 1,
        },
      ],
      staleAfterDays: 30,
      scripts: [
        text(
          '通过网站、媒体、广告、展会、朋友、客户上下游等多种途径搜集客户全貌信息:行业、规模、财务状况、组织架构、信息化现状。',
          'Build the full picture of the account from websites, media, ads, trade shows, friends and its suppliers and customers: industry, size, finances, organisation and current IT.',
        ),
        text(
          '初步筛选时可与高层、行政经理、办公室主任、信息主管、电脑部经理等进行初步沟通。',
          'For the first screening, talk to senior managers, the admin or office manager, or the head of IT.',
        ),
        text(
          '目的自查:是否精准定位?是否搜集到客户名单?没有达成目的,客户阶段只能原地逗留。',
          'Self-check: is the targeting accurate? Do we have the account list? If not, the deal stays where it is.',
        ),
      ],
    }),
    openStage({
      key: 'potential',
      name: text('潜在客户', 'Potential customer'),
      definition: text(
        '标志:有销售机会。特征:有管理上的需要;经济效益好;没有使用OA或使用了效果不好。',
        'Marked by a sales opportunity. Features: a management need; a profitable business; no office-automation system, or one that works poorly.',
      ),
      signatureOutput: text(
        '客户全貌信息(组织架构、信息化现状等)',
        'Full account picture (organisation, current IT, …)',
      ),
      probability: 10,
      goalMetric: text('发掘出的潜在销售机会', 'Sales opportunities uncovered'),
      criteria: [
        criterion(
          'fits_target',
          text('符合我们的目标客户要求', 'Fits our target customer profile'),
        ),
        criterion(
          'needs_oa',
          text('该企业需要应用办公自动化', 'The company needs office automation'),
        ),
        criterion('profitable', text('该企业经济效益良好', 'The company is profitable')),
        criterion(
          'no_adequate_system',
          text(
            '目前无应用系统,或系统不完善、应用效果不好',
            'It has no system yet, or its system is incomplete or works poorly',
          ),
        ),
      ],
      keyActions: [
        {
          id: 'outbound_call',
          label: text('电话呼出', 'Outbound call'),
          kind: 'activity',
          activityTypes: ['call'],
          minCount: 1,
        },
        {
          id: 'discovery_visit',
          label: text('上门拜访、需求挖掘', 'On-site visit to uncover needs'),
          kind: 'activity',
          activityTypes: ['visit'],
          effectiveOnly: true,
          minCount: 1,
        },
        {
          id: 'needs_report',
          label: text(
            '记录客户全貌信息并总结销售机会(需求报告)',
            'Record the account picture and summarise the opportunity (needs report)',
          ),
          kind: 'document',
          documentKind: 'needs_report',
          minCount: 1,
        },
      ],
      staleAfterDays: 30,
      scripts: [
        text(
          '拜访前:预约拜访日期及所需时间,并于拜访前一天再次确认;明确拜访目的及主要议程,与客户达成共识;掌握客户资料。',
          'Before the visit: book the date and how long it takes and confirm the day before; agree the purpose and agenda with the customer; know the account’s details.',
        ),
        text(
          '拜访中:取得客户好感,收集客户全貌信息,总结发掘潜在的销售机会。',
          'During the visit: win the customer’s goodwill, gather the full picture and sum up the opportunity you see.',
        ),
      ],
    }),
    openStage({
      key: 'intent',
      name: text('意向客户', 'Intent customer'),
      definition: text(
        '有购买意向、需求已确定的客户。',
        'An account that intends to buy and whose requirements are settled.',
      ),
      signatureOutput: text('确认的客户需求', 'Confirmed requirements'),
      probability: 25,
      goalMetric: text('意向客户立项的比例', 'Share of intent customers that approve a project'),
      criteria: [
        criterion('purchase_intent', text('客户有购买意向', 'The customer intends to buy')),
        criterion('needs_settled', text('客户需求已确定', 'The requirements are settled')),
      ],
      keyActions: [
        {
          id: 'demo',
          label: text('产品或解决方案演示', 'Product or solution demo'),
          kind: 'activity',
          activityTypes: ['demo'],
          minCount: 1,
        },
        {
          id: 'executive_visit',
          label: text('拜访客户高层', 'Visit senior management'),
          kind: 'activity',
          activityTypes: ['visit', 'meeting'],
          contactRoles: ['decision_maker'],
          minCount: 1,
        },
      ],
      staleAfterDays: 30,
    }),
    openStage({
      key: 'approved',
      name: text('立项客户', 'Project approved'),
      definition: text(
        '客户认可产品或服务能带来的利益并正式立项。本阶段做决策链公关(收集决策人信息、与决策人沟通需求、划分参与决策的角色)和方案准备。',
        'The customer sees the benefit and has formally approved a project. This stage works the decision chain (who decides, what they need, which roles take part) and prepares the solution.',
      ),
      signatureOutput: text(
        '按FAB法则呈现的解决方案',
        'Solution presented as features, advantages and benefits (FAB)',
      ),
      probability: 40,
      goalMetric: text('决策链覆盖与方案呈现', 'Decision chain covered and solution presented'),
      criteria: [
        criterion(
          'benefit_accepted',
          text('客户认可产品或服务所能带来的利益', 'The customer accepts the benefits we bring'),
        ),
        criterion(
          'project_approved',
          text('客户已正式立项', 'The customer has formally approved the project'),
        ),
      ],
      keyActions: [
        {
          id: 'decision_maker_needs',
          label: text('与决策人沟通需求', 'Discuss needs with the decision maker'),
          kind: 'activity',
          contactRoles: ['decision_maker'],
          effectiveOnly: true,
          minCount: 1,
        },
        {
          id: 'solution',
          label: text('提交解决方案', 'Submit the solution'),
          kind: 'document',
          documentKind: 'proposal',
          minCount: 1,
        },
      ],
      staleAfterDays: 30,
      scripts: [
        text(
          '决策链公关:收集决策人信息,与决策人沟通需求,对参与决策的角色分类。',
          'Work the decision chain: learn who the decision makers are, discuss their needs, and map every role in the decision.',
        ),
        text(
          '方案准备:照顾决策链的方方面面(不能冲突);做好资源调配和分工(销售、咨询顾问、技术顾问);方案呈现按照FAB法则。',
          'Preparing the solution: cover every part of the decision chain without conflicts; plan who does what (sales, consultants, technical advisers); present it as features, advantages, benefits.',
        ),
      ],
    }),
    openStage({
      key: 'accepted',
      name: text('认可客户', 'Accepted'),
      definition: text(
        '客户初步认可我方的产品、服务和方案。本阶段安排客户考察(公司参观、案例参观);考察具备风险,客户的考察要求要恰当把握。',
        'The customer has broadly accepted our product, service and solution. This stage arranges site visits (our offices, reference customers); visits carry risk, so handle the customer’s requests with care.',
      ),
      signatureOutput: text(
        '基本时间进度表(投标、合同谈判、签约)',
        'Basic timetable (bid, contract negotiation, signing)',
      ),
      probability: 60,
      goalMetric: text('确认我方为唯一或备选厂商', 'Confirmed as the sole or a shortlisted vendor'),
      criteria: [
        criterion(
          'decision_chain_mapped',
          text('已明确参与决策的各个角色', 'Every role in the decision is known'),
        ),
      ],
      staleAfterDays: 30,
      scripts: [
        text(
          '客户考察:公司参观、案例参观。考察具备风险,客户的考察要求要恰当把握。',
          'Site visits: our offices and reference customers. Visits carry risk; agree to them with care.',
        ),
      ],
    }),
    openStage({
      key: 'negotiation',
      name: text('商务谈判', 'Negotiation'),
      definition: text(
        '确定谈判时间表后进入商务阶段:提交正式商务合同和报价方案;客户与我方就合同条款进行协商,并就成交后的安排进行磋商。',
        'Once the negotiation timetable is set: the formal contract and quote are submitted, and both sides negotiate the terms and what happens after signing.',
      ),
      signatureOutput: text('正式报价与合同初稿', 'Formal quote and draft contract'),
      probability: 80,
      goalMetric: text('达成合同签订', 'Contract signed'),
      criteria: [
        criterion(
          'product_accepted',
          text('客户对我们的产品、服务等已认可', 'The customer accepts our product and service'),
        ),
        criterion(
          'sole_or_shortlisted',
          text(
            '客户已确认我们为唯一厂商或备选的厂商之一',
            'The customer has confirmed us as the sole or a shortlisted vendor',
          ),
        ),
        criterion(
          'timetable_set',
          text(
            '已确定基本时间进度表,如投标、合同谈判、签约等时间',
            'A basic timetable is set: bid, contract negotiation and signing dates',
          ),
        ),
      ],
      keyActions: [
        {
          id: 'formal_quote',
          label: text('商务正式报价', 'Formal quote'),
          kind: 'document',
          documentKind: 'quote',
          minCount: 1,
        },
        {
          id: 'draft_contract',
          label: text('提交合同初稿', 'Draft contract submitted'),
          kind: 'document',
          documentKind: 'contract',
          minCount: 1,
        },
      ],
      staleAfterDays: 21,
      scripts: [
        text(
          '清除障碍:释疑解惑,坚定客户信心;排除异议;必要时做产品演示。',
          'Clear the obstacles: answer doubts and build the customer’s confidence, resolve objections, demo the product where needed.',
        ),
        text(
          '通过商务磋商,与客户达成共赢的协定并形成合同条款,达成合同签订。',
          'Negotiate to a win-win agreement, turn it into contract terms and get the contract signed.',
        ),
      ],
      objections: [
        objection(
          text('价格太高', 'The price is too high'),
          text(
            '谈判不仅是价格的博弈,更是价值的平衡:回到客户的核心关切和方案带来的价值,寻求双赢的解决方案。',
            'Negotiation is about balancing value, not just price: return to the customer’s core concerns and the value of the solution, and look for a win-win.',
          ),
        ),
      ],
    }),
    wonStage({
      name: text('成交客户', 'Closed customer'),
      definition: text(
        '达成合同签订,成为成交客户。',
        'The contract is signed; the account is a customer.',
      ),
      signatureOutput: text('签订的合同', 'Signed contract'),
      goalMetric: text('成交金额', 'Closed revenue'),
      criteria: [criterion('contract_signed', text('合同已签订', 'The contract is signed'))],
    }),
    LOST_STAGE,
  ],
};
