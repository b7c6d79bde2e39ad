import type { Localized } from '../vocabulary';
import type { InquiryClass } from './types';

export interface InquiryPlaybook {
  title: Localized;
  /** 特点: how seed 002 describes the class. */
  traits: Localized;
  steps: Localized[];
  /** Where the steps come from, so nobody mistakes our additions for the seed's advice. */
  source: Localized;
}

// Seed 002 §二 调查渠道, condensed into the first step of every playbook.
const RESEARCH_CHANNELS: Localized = {
  'zh-CN':
    '公司名称、公司地址、客户名称、电话、邮箱、行业名称、产品名称先单独搜索再混合搜索,找到客户网站;把邮箱、客户名、公司名输入 Facebook、LinkedIn、Instagram;电话输入 WhatsApp、微信、Viber、Line,邮箱输入 Skype;用 WHOIS 查网站域名的注册信息,用客户邮箱反查注册过哪些域名。',
  en: "Search the company name, address, contact name, phone, e-mail, industry and product names, first one by one and then combined, to find the buyer's website; enter the e-mail, contact name and company name on Facebook, LinkedIn and Instagram; enter the phone on WhatsApp, WeChat, Viber and Line, and the e-mail on Skype; look up the website's domain in WHOIS and reverse-search which domains the e-mail has registered.",
};

const withChannels = (lead: Localized): Localized => ({
  'zh-CN': `${lead['zh-CN']}${RESEARCH_CHANNELS['zh-CN']}`,
  en: `${lead.en} ${RESEARCH_CHANNELS.en}`,
});

/** Seed 002 §二 背景调查: what to find out about an inquirer, and where. */
export const BACKGROUND_CHECK: { title: Localized; steps: Localized[] } = {
  title: { 'zh-CN': '背景调查', en: 'Background check' },
  steps: [
    {
      'zh-CN': '基本信息:公司名?国家地区?客户名?性别?年龄?',
      en: 'Basics: company name? Country or region? Contact name? Gender? Age?',
    },
    {
      'zh-CN': '深入信息:公司规模?公司性质?客户身份(采购员、采购经理还是老板)?',
      en: 'Deeper: company size? Type of company? Who is writing (buyer, purchasing manager or owner)?',
    },
    {
      'zh-CN': '再进一步:客户近期采购需求?直接联系客户的性格?之前客户和谁合作?',
      en: "Further: the buyer's current purchasing needs? The contact's personality? Whom did they buy from before?",
    },
    RESEARCH_CHANNELS,
    {
      'zh-CN':
        '直接或间接问客户:很多客户网上信息有限,需要在沟通时根据客户性格直接或间接询问,潜移默化地打探到客户和公司的更多信息。',
      en: 'Ask the buyer, directly or indirectly: many buyers leave little online, so in conversation, according to their character, ask outright or in passing and gradually learn more about them and their company.',
    },
  ],
};

export const INQUIRY_PLAYBOOKS: Record<InquiryClass, InquiryPlaybook> = {
  scam: {
    title: { 'zh-CN': '行骗类询盘处理办法', en: 'Handling a scam inquiry' },
    traits: {
      'zh-CN':
        '要求供应商付费(代理费、注册费、公证费、保证金)、点链接或附件“查看订单”、索要银行信息、要回扣或请客送礼。',
      en: 'Asks the seller to pay (agent, registration or notary fees, deposits), to click a link or open a file "to view the order", for bank details, or for kickbacks and gifts.',
    },
    steps: [
      withChannels({
        'zh-CN': '先核实身份,按背景调查的渠道查:',
        en: 'Verify who it is first, through the background-check channels:',
      }),
      {
        'zh-CN':
          '核对发件邮箱域名是否就是所称公司的官网域名;免费邮箱或仿冒域名冒充大公司的,按行骗类处理。',
        en: "Check that the sender's e-mail domain is the stated company's own website domain; treat a free-mail or look-alike domain posing as a large company as a scam.",
      },
      {
        'zh-CN':
          '不支付任何费用:代理费、注册费、公证费、检测费、保证金,不通过西联、速汇金汇款,不请客送礼、不给回扣。',
        en: 'Pay nothing: no agent, registration, notary or testing fees, no deposits, no Western Union or MoneyGram transfers, no gifts, dinners or kickbacks.',
      },
      {
        'zh-CN': '不点击链接、不打开要求登录的附件“查看订单”,不提供银行账户、邮箱密码或验证码。',
        en: 'Do not click links or open files that ask you to sign in "to view the order"; never give bank accounts, e-mail passwords or verification codes.',
      },
      {
        'zh-CN': '核实不了真假的,归入 F 类(无意向客户:不确定是否真实的客户),不再投入跟进。',
        en: 'If it cannot be verified, file it as class F (no intent: not sure the customer is real) and spend no more follow-up on it.',
      },
    ],
    source: {
      'zh-CN':
        '种子文档 002 只保留了“行骗类询盘 处理办法”的标题,正文缺失。第 1 步取自其“背景调查”一节,第 5 步取自其 A–F 客户分类中的 F 类;第 2–4 步依据 SPEC §4 列出的信号(免费邮箱、代理费、银行信息),不是种子原文。',
      en: 'Seed 002 keeps only the heading "handling scam inquiries"; its text is lost. Step 1 is its background-check section, step 5 its class F of the A–F customer classes; steps 2–4 follow the signals SPEC §4 names (free mail, agent fees, bank details) and are not the seed\'s words.',
    },
  },
  broad: {
    title: { 'zh-CN': '宽泛类询盘处理办法', en: 'Handling a broad inquiry' },
    traits: {
      'zh-CN':
        '客户对我们发布的产品感兴趣,但是并无具体产品型号要求、具体细节的探讨等内容,询盘要求笼统宽泛。',
      en: 'The buyer is interested in the products we publish but names no model and discusses no details; the request is general and vague.',
    },
    steps: [
      withChannels({
        'zh-CN': '回信之前:利用有限的信息对客户进行背景调查。',
        en: 'Before replying: use what little you have to research the buyer.',
      }),
      {
        'zh-CN':
          '首次回信:与客户沟通交流具体的产品细节需求。不用盲目报价,要根据自身产品特性与客户沟通,获取关键信息。',
        en: 'First reply: talk with the buyer about the product details they need. Do not quote blindly; discuss in terms of your products’ features and get the key information.',
      },
      {
        'zh-CN':
          '无回复:如客户不回复,根据了解的客户情况做 1–2 个产品推荐,给予简单报价,与客户交流是否符合要求,有问题随时沟通。',
        en: 'No reply: recommend one or two products that fit what you learned about the buyer, with a simple quotation, ask whether they meet the need, and offer to answer any question.',
      },
      {
        'zh-CN': '回复后:如客户自身不是很专业,根据客户的使用情况给出专业的产品推荐。',
        en: 'After a reply: if the buyer is not an expert, recommend products professionally based on how they will use them.',
      },
      {
        'zh-CN':
          '长期策略:要有心理准备,报价后可能很久没有回复。不要急躁和失落,给买家时间——他需要选择,或者等待他的客户的回应,或者是为以后的采购做准备。',
        en: 'Long term: expect that after quoting you may hear nothing for a long time. Do not be impatient or discouraged; give the buyer time — they need to choose, are waiting for their own customer, or are preparing a later purchase.',
      },
      {
        'zh-CN': '报价后需要长期跟进,询问情况,也表达你对他的重视,保持存在感。',
        en: 'After quoting, follow up over the long run: ask how things stand, show that you value them, and stay present.',
      },
    ],
    source: {
      'zh-CN': '种子文档 002「2. 不同询盘处理办法 — B. 宽泛类询盘」及「二、背景调查」。',
      en: 'Seed 002, "2. Handling different inquiries — B. broad inquiries" and "II. Background check".',
    },
  },
  precise: {
    title: { 'zh-CN': '精准类询盘处理办法', en: 'Handling a precise inquiry' },
    traits: {
      'zh-CN':
        '称呼明确,要求清晰,对产品的具体参数或者使用情况有明确要求,对数量、报价形式有明确要求等。',
      en: 'Clear salutation and clear requirements: specific product parameters or usage, and a stated quantity and form of quotation.',
    },
    steps: [
      withChannels({
        'zh-CN': '回信之前:尽快利用现有的信息对客户进行背景调查。',
        en: 'Before replying: research the buyer as quickly as possible with what you have.',
      }),
      {
        'zh-CN': '首次回信:收到询盘或信息立刻回复;客户询盘中提到的问题要一一作答。',
        en: 'First reply: answer at once when the inquiry or message arrives, and answer every question it raises, one by one.',
      },
      {
        'zh-CN':
          '对客户所需求产品做准确而详细的报价,价格要接近或者直接报低价。买家没空跟你讨价还价,同样的产品,如果你的价格高太多,直接 out。',
        en: 'Quote the requested products accurately and in detail, close to the market or simply low. Buyers have no time to haggle: for the same product, a price much higher than others is out at once.',
      },
      {
        'zh-CN':
          '专业度:邮件回复内容、报价单的内容、与客户 WhatsApp 交流的信息要使用专业的产品描述和专业的外贸术语,给客户报的产品一定贴近实际使用情况。',
        en: 'Professionalism: e-mails, quotation sheets and WhatsApp messages use professional product descriptions and trade terms, and the products quoted must fit the actual use.',
      },
      {
        'zh-CN':
          '长期策略:紧追不舍,直接询问或侧面了解客户的大体采购时间,在后期尤其是采购截止日之内,通过各种方式展示公司的实力、业务员的专业度、产品和服务质量。',
        en: "Long term: follow up relentlessly; ask outright or find out indirectly roughly when they will buy, and until the purchase deadline show in every way the company's strength, the rep's expertise and the quality of product and service.",
      },
      {
        'zh-CN':
          '需要做技术方案的,一定让客户用自己的方案;需要来访的,一定做好日程表,我们去接客户,不要一直等待。',
        en: 'Where a technical proposal is needed, get the buyer to adopt ours; where a visit is needed, prepare the schedule and pick the buyer up ourselves — do not just wait.',
      },
    ],
    source: {
      'zh-CN': '种子文档 002「2. 不同询盘处理办法 — C. 精准类询盘」及「二、背景调查」。',
      en: 'Seed 002, "2. Handling different inquiries — C. precise inquiries" and "II. Background check".',
    },
  },
};
