import type { FunnelTemplate } from '../types';
import {
  criterion,
  FOLLOW_UP_TOPICS_SCRIPT,
  LOST_STAGE,
  objection,
  openStage,
  text,
  wonStage,
} from './common';

/**
 * Seed 001, 清单制六步销售法 (grid sales, six customer types). Entry criteria come from the
 * type definitions (4.2) and the qualified-customer conditions (4.4): 合格的潜在客户 gates
 * potential, 合格的产品购买影响者 gates intent, 合格的高层决策者 gates order. Key actions are the
 * conversion techniques (4.3) that can be counted; the "three effective communications" count is
 * seed 000's example of a key action. 在网客户 (active customer) is the won stage.
 */
export const SIX_STEP_TEMPLATE: FunnelTemplate = {
  key: 'six-step',
  name: text('六步销售法(清单制)', 'Six-step checklist sales method'),
  description: text(
    '网格运作的六步销售漏斗:目标客户 → 清单客户 → 潜在客户 → 意向客户 → 订单客户 → 在网客户。每一层客户都有严格的标准,适用于流程规范、周期较长、参与人员较多的销售。',
    'The six-step funnel for territory (grid) sales: target → list → potential → intent → order → active customer. Each level has strict entry standards; suited to structured sales with long cycles and many people involved.',
  ),
  stages: [
    openStage({
      key: 'target',
      name: text('目标客户', 'Target customer'),
      definition: text(
        '产品和服务的销售对象。从网格团队负责区域内的中小企业客户群名单(在网存量客户、竞争对手客户及物业等特殊客户)中,以客户经理实际拜访过并掌握客户基本状况为依据确定。',
        'An account the product or service is sold to, taken from the grid team’s list of SMB accounts in its territory (existing customers, competitors’ customers and special accounts such as property managers) once an account manager has visited it and knows its basic situation.',
      ),
      signatureOutput: text('客户档案', 'Customer profile'),
      probability: 5,
      goalMetric: text(
        '目标客户名单足量且真实,保证足够的客户向下渗透',
        'A large and accurate target list, so enough accounts flow down the funnel',
      ),
      criteria: [
        criterion(
          'in_territory',
          text('属于本网格团队负责区域的客户', 'The account lies in the grid team’s territory'),
        ),
        criterion(
          'visited',
          text('已实际拜访,掌握客户基本状况', 'Visited in person; its basic situation is known'),
        ),
        criterion(
          'reachable',
          text(
            '已与客户接触,确定客户单位可保持联系',
            'Contact made; the account can be kept in touch with',
          ),
        ),
      ],
      keyActions: [
        {
          id: 'profile_industry',
          label: text('客户档案:已填写行业', 'Customer profile: industry filled in'),
          kind: 'field',
          field: 'industry',
          minCount: 1,
        },
        {
          id: 'profile_headcount',
          label: text('客户档案:已填写人员规模', 'Customer profile: headcount filled in'),
          kind: 'field',
          field: 'headcount',
          minCount: 1,
        },
      ],
      staleAfterDays: 30,
    }),
    openStage({
      key: 'list',
      name: text('清单客户', 'List customer'),
      definition: text(
        '来自目标客户:网格销售团队认领已建档的目标客户,成员按团队角色筛选出自己的清单。清单专属于该销售人员,以内部报备为建立依据,以规范的销售动作延续为报备持续有效的依据。每人清单建议30–70个,一般50个左右。',
        'Taken from the target customers: the grid team claims profiled accounts and each member picks their own list by role. A list belongs to one rep, is created by an internal claim, and stays valid only while proper sales work continues. 30–70 accounts per rep, usually about 50.',
      ),
      signatureOutput: text('个人客户清单(报备记录)', 'Personal account list (claim record)'),
      probability: 10,
      goalMetric: text(
        '清单客户转化为潜在客户的比例',
        'Share of list customers turned into potential customers',
      ),
      criteria: [
        criterion('profile_built', text('已建立客户档案', 'A customer profile exists')),
        criterion(
          'claimed',
          text('已由本人认领并完成内部报备', 'Claimed by the rep and registered internally'),
        ),
      ],
      keyActions: [
        {
          id: 'effective_follow_ups',
          label: text(
            '持续跟进与拜访:至少三次有效沟通',
            'Keep following up and visiting: at least three effective conversations',
          ),
          kind: 'activity',
          effectiveOnly: true,
          minCount: 3,
        },
      ],
      staleAfterDays: 30,
      scripts: [
        text(
          '留意商机信号:客户抱怨现有运营商的服务或价格;提出新的通信需求;主动了解我方产品和业务;现有服务即将到期;单位搬家或内部通信方式调整。',
          'Listen for opportunity signals: complaints about the current provider’s service or prices, a new communication need, questions about our products, a contract with another provider about to expire, an office move or a change in internal communications.',
        ),
        text(
          '邀请关键决策者参加公司举办或与第三方合办的活动,让他们了解公司、产品、解决方案以及成功案例。',
          'Invite key decision makers to events we run alone or with partners, so they get to know the company, the products, our solutions and customer success stories.',
        ),
        text(
          '发放企业宣传资料、内部通讯和内刊,通过电话营销挖掘潜在需求,或直接拜访把客户推进漏斗。',
          'Send brochures, newsletters and the company magazine, uncover needs by phone, or visit in person to move the account into the funnel.',
        ),
        FOLLOW_UP_TOPICS_SCRIPT,
      ],
    }),
    openStage({
      key: 'potential',
      name: text('潜在客户', 'Potential customer'),
      definition: text(
        '有潜在购买需求并且具有购买能力的客户。按转化难度分三层:竞争对手的客户;需要我方产品但自己没有明确意识的客户;在网但有潜在需求等待挖掘的客户。客户经理要把不明确、隐藏的需求转化为明确的需求。',
        'An account with a latent need and the means to buy. By difficulty: a competitor’s customer; an account that needs our product without realising it; an existing customer with untapped needs. The rep’s job is to turn vague, hidden needs into explicit ones.',
      ),
      signatureOutput: text('商机记录(已发现的需求)', 'Opportunity record (need uncovered)'),
      probability: 20,
      goalMetric: text(
        '潜在客户转化为意向客户的比例',
        'Share of potential customers turned into intent customers',
      ),
      criteria: [
        criterion(
          'opportunity_signal',
          text(
            '已发现商机信号(抱怨现有服务或价格、提出新需求、主动了解我方产品、现有服务即将到期、搬迁或内部调整等)',
            'An opportunity signal was found (complaints about current service or price, a new need, interest in our products, a contract expiring, a move or reorganisation)',
          ),
        ),
        criterion('can_buy', text('客户具有购买能力', 'The account can afford to buy')),
        criterion(
          'interested',
          text('对产品或解决方案感兴趣', 'Interested in the product or solution'),
        ),
        criterion('meets_standard', text('符合企业的客户标准', 'Meets our customer standards')),
        criterion(
          'decision_maker_found',
          text('已找到客户的关键决策人', 'The key decision maker is identified'),
        ),
      ],
      keyActions: [
        {
          id: 'executive_visit',
          label: text('高层拜访:与决策人会面', 'Executive visit: meet the decision maker'),
          kind: 'activity',
          activityTypes: ['visit', 'meeting'],
          contactRoles: ['decision_maker'],
          minCount: 1,
        },
        {
          id: 'proposal',
          label: text(
            '撰写并提交项目建议书或解决方案',
            'Write and submit a project proposal or solution',
          ),
          kind: 'document',
          documentKind: 'proposal',
          minCount: 1,
        },
      ],
      // The seed warns this conversion "往往需要一个漫长的时间周期".
      staleAfterDays: 45,
      scripts: [
        text(
          '从客户“逃避痛苦”与“追求快乐”的感知出发,让这种感知强烈到“无法忍受”,直到客户向你寻求解决办法;始终站在客户的立场。',
          'Work from the customer’s wish to escape pain and to gain pleasure, until the problem feels unbearable and they ask you for a solution. Always take the customer’s side.',
        ),
        text(
          '价值销售:做专题讲座和方案演示;到客户企业调研相关部门的组织架构、职能、流程和规范;拜访高层,商定战略合作模式,双方公开承诺。',
          'Value selling: give topic talks and solution demos; study the relevant departments’ structure, duties, processes and rules on site; visit senior management to agree a partnership model both sides commit to.',
        ),
        text(
          '验证价值:与客户共同撰写解决方案或建议书,建立项目成功的评判标准;参观成功案例;邀请客户高层参加用户大会;必要时做可行性演示。',
          'Prove the value: write the solution or proposal together with the customer and agree how success will be judged; visit reference customers; invite their executives to a user conference; run a feasibility demo when needed.',
        ),
      ],
      objections: [
        objection(
          text('担心项目风险', 'Worried about project risk'),
          text(
            '邀请客户参观类似的成功案例并与之交流,降低项目风险。',
            'Take the customer to a similar reference customer and let them talk to each other; it lowers the perceived risk.',
          ),
        ),
        objection(
          text(
            '听了很多概念和性能,想看到真正的结果',
            'Heard the concepts, wants to see real results',
          ),
          text(
            '在客户处做可行性演示,或在实际环境下使用产品,证明方案确实可信、可行。',
            'Run a feasibility demo at the customer’s site or use the product in their real environment to prove the solution is credible and workable.',
          ),
        ),
      ],
    }),
    openStage({
      key: 'intent',
      name: text('意向客户', 'Intent customer'),
      definition: text(
        '尚未实际达成交易,但表达了明确交易意向的客户:客户提出了具体、明确的需求。',
        'An account that has not bought yet but has clearly stated its intention to buy, with specific, explicit requirements.',
      ),
      signatureOutput: text(
        '书面记录的双方共识与解决方案',
        'Written record of agreed points and the proposed solution',
      ),
      probability: 40,
      goalMetric: text(
        '意向客户转化为订单客户的比例',
        'Share of intent customers turned into orders',
      ),
      criteria: [
        criterion(
          'explicit_need',
          text(
            '客户提出了具体、明确的需求',
            'The customer has stated specific, explicit requirements',
          ),
        ),
        criterion(
          'clear_intent',
          text('客户表达了明确的交易意向', 'The customer has clearly stated the intention to buy'),
        ),
        criterion(
          'willing_to_continue',
          text(
            '客户愿意进一步交流、同意继续探讨,可以引入高层管理者介入',
            'The customer wants to keep talking and agrees to bring in senior management',
          ),
        ),
        criterion(
          'consensus_in_writing',
          text(
            '已书面记录客户与我方的共识',
            'The points agreed with the customer are written down',
          ),
        ),
      ],
      keyActions: [
        {
          id: 'quote',
          label: text('就成交价格商讨并提交报价', 'Discuss the price and submit a quote'),
          kind: 'document',
          documentKind: 'quote',
          minCount: 1,
        },
      ],
      staleAfterDays: 30,
      scripts: [
        text(
          '帮助客户尽快完成标书的内容和评分标准;结合项目情况和竞争对手的优劣势,列出投标所需的材料和要求。',
          'Help the customer finish the tender content and scoring criteria quickly; list the documents and requirements the bid needs, given the project and the competitors’ strengths and weaknesses.',
        ),
        text(
          '谈判坚持双赢原则,必要时引入第三方作为项目合作伙伴,以降低成本或者降低风险。',
          'Negotiate for a win-win; if needed bring in a third party as a project partner to cut cost or risk.',
        ),
      ],
      objections: [
        objection(
          text('价格太高', 'The price is too high'),
          text(
            '回到前期与客户共同确定的项目目标、成本和可获得的回报;坚持双赢,必要时引入第三方合作伙伴降低成本。',
            'Go back to the project goals, cost and return agreed with the customer earlier; keep it win-win, and if needed bring in a partner to lower the cost.',
          ),
        ),
      ],
    }),
    openStage({
      key: 'order',
      name: text('订单客户', 'Order customer'),
      definition: text(
        '客户认同销售人员提供的产品或方案,提出了明确的交易意向,进而签订订单。',
        'The customer accepts the product or solution, states a clear intention to buy and signs an order.',
      ),
      signatureOutput: text('签订的订单', 'Signed order'),
      probability: 70,
      goalMetric: text('订单客户签约开通的比例', 'Share of orders that are signed and activated'),
      criteria: [
        criterion(
          'executive_agrees',
          text(
            '客户高层决策者承认其困难,并认可我方方案能解决问题',
            'The customer’s senior decision maker acknowledges the problem and agrees our solution solves it',
          ),
        ),
        criterion(
          'next_steps_agreed',
          text(
            '已与高层安排下一步计划,双方对计划达成共识',
            'Next steps are planned with senior management and both sides agree on them',
          ),
        ),
        criterion('order_signed', text('已签订订单', 'The order is signed')),
      ],
      keyActions: [
        {
          id: 'agreement',
          label: text('签订协议', 'Sign the agreement'),
          kind: 'document',
          documentKind: 'contract',
          minCount: 1,
        },
      ],
      staleAfterDays: 14,
    }),
    wonStage({
      name: text('在网客户', 'Active customer'),
      definition: text(
        '客户签订协议、办理和开通业务,与公司建立了合作关系。在网客户既带来直接的业务贡献,也能让我们接触其行业和社交圈,甚至直接介绍新客户。',
        'The customer has signed, and the service is set up and running. Active customers bring revenue directly and open doors to their industry and network, sometimes referring new customers.',
      ),
      signatureOutput: text('签订的协议与开通的业务', 'Signed agreement and activated service'),
      goalMetric: text('客户满意度与二次销售', 'Customer satisfaction and repeat sales'),
      criteria: [
        criterion('agreement_signed', text('已签订协议', 'The agreement is signed')),
        criterion(
          'service_activated',
          text('业务已办理并开通', 'The service is set up and activated'),
        ),
      ],
      scripts: [
        text(
          '在网客户重在维系:及时响应需求,通过客户预警和持续关怀提高满意度与忠诚度。',
          'Active customers are about retention: respond quickly, watch the warning signs and keep caring for them to raise satisfaction and loyalty.',
        ),
        text(
          '分析客户的消费行为和真正需求,推荐新产品组合、融合产品和行业解决方案,而不只靠优惠和降价。',
          'Study how the customer uses the service and what they really need; offer new bundles and industry solutions rather than relying on discounts.',
        ),
        text(
          '引导客户主动为公司宣传,介绍新客户。',
          'Encourage the customer to speak for us and refer new customers.',
        ),
      ],
    }),
    LOST_STAGE,
  ],
};
