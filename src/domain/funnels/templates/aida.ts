import type { FunnelTemplate } from '../types';
import {
  criterion,
  FOLLOW_UP_TOPICS_SCRIPT,
  LOST_STAGE,
  openStage,
  text,
  wonStage,
} from './common';

/**
 * Seed 003, 商业知识-销售漏斗: AIDA, four stages that follow the prospect's state of mind.
 * Action (行动) is the purchase, so it is the won stage. The seed describes mindsets rather than
 * checks; the criteria restate its descriptions and the only countable step it names is the
 * best offer in the decision stage.
 */
export const AIDA_TEMPLATE: FunnelTemplate = {
  key: 'aida',
  name: text('AIDA 销售漏斗', 'AIDA funnel'),
  description: text(
    '四个阶段代表潜在客户的心态:意识 → 兴趣 → 决策 → 行动。每个阶段需要不同的方法,确保不在错误的时间发送错误的信息。',
    'Four stages that mirror the prospect’s state of mind: awareness → interest → decision → action. Each needs a different approach, so the wrong message never goes out at the wrong time.',
  ),
  stages: [
    openStage({
      key: 'awareness',
      name: text('意识', 'Awareness'),
      definition: text(
        '第一次引起潜在客户注意的时刻(一条推文、朋友分享的朋友圈、一次搜索等),潜在客户意识到你的业务和你提供的服务。',
        'The moment a prospect first notices you (a post, something a friend shared, a search result) and learns what your business offers.',
      ),
      signatureOutput: text('潜在客户知道我们的业务', 'The prospect knows what we offer'),
      probability: 5,
      goalMetric: text('回访并进一步参与的潜在客户数', 'Prospects who come back and engage'),
      staleAfterDays: 30,
      scripts: [
        text(
          '在正确的地点、正确的时间和正确的场景出现;吸引潜在客户回到你的落地页,更多地参与你的业务。',
          'Be in the right place at the right time and in the right context; draw the prospect back to your landing page and into your business.',
        ),
      ],
    }),
    openStage({
      key: 'interest',
      name: text('兴趣', 'Interest'),
      definition: text(
        '潜在客户在做研究、比较购物,思考他们的选择。',
        'The prospect is researching, comparing offers and weighing the options.',
      ),
      signatureOutput: text('潜在客户主动参与', 'The prospect engages with us'),
      probability: 20,
      goalMetric: text('进入决策阶段的比例', 'Share reaching the decision stage'),
      criteria: [
        criterion(
          'engaged',
          text(
            '潜在客户回访并更多地参与我们的业务',
            'The prospect has come back and engaged further with us',
          ),
        ),
      ],
      staleAfterDays: 30,
      scripts: [
        text(
          '用出色的内容帮助他们,但不要推销:一开始就推销产品或服务,可能把潜在客户赶走。',
          'Help with great content, but don’t sell: pitching too early can drive the prospect away.',
        ),
        text(
          '建立你的专业形象,帮助客户做出明智的决定,尽可能以任何方式帮助他们。',
          'Build your expertise, help the prospect make an informed decision, and help in any way you can.',
        ),
        FOLLOW_UP_TOPICS_SCRIPT,
      ],
    }),
    openStage({
      key: 'decision',
      name: text('决策', 'Decision'),
      definition: text(
        '客户准备购买,可能在考虑两三个选项,希望其中包括你。',
        'The customer is ready to buy and may be weighing two or three options, hopefully including yours.',
      ),
      signatureOutput: text('最佳报价', 'Best offer'),
      probability: 60,
      goalMetric: text('报价成交率', 'Offers accepted'),
      criteria: [
        criterion('ready_to_buy', text('客户准备购买', 'The customer is ready to buy')),
        criterion(
          'among_options',
          text('我方在客户考虑的选项之中', 'We are among the options the customer is weighing'),
        ),
      ],
      keyActions: [
        {
          id: 'best_offer',
          label: text('提供最佳报价', 'Best offer made'),
          kind: 'document',
          documentKind: 'quote',
          minCount: 1,
        },
      ],
      staleAfterDays: 14,
      scripts: [
        text(
          '现在是提供最佳报价的时候:当竞争对手还停留在费用、折扣、代金券或奖励产品时,关键的一点可能是免费配送;让报价变得不可抗拒。',
          'Now make your best offer: while competitors stick to fees, discounts, vouchers or bonus products, free delivery may be what tips it. Make it irresistible.',
        ),
      ],
    }),
    wonStage({
      name: text('行动', 'Action'),
      definition: text(
        '客户购买你的产品或服务,成为你企业生态系统的一部分。工作并未结束:目标是让一次购买变成十次,十次变成一百次。',
        'The customer buys and becomes part of your business’s ecosystem. The work is not over: turn one purchase into ten, and ten into a hundred.',
      ),
      signatureOutput: text('完成的购买', 'Completed purchase'),
      goalMetric: text('复购与客户保留', 'Repeat purchases and retention'),
      criteria: [criterion('purchased', text('客户已完成购买', 'The customer has bought'))],
      scripts: [
        text(
          '对购买表示感谢,邀请客户关注并提供反馈,在合适的情况下提供技术支持。',
          'Thank the customer for buying, invite them to follow you and give feedback, and offer technical support where it fits.',
        ),
      ],
    }),
    LOST_STAGE,
  ],
};
