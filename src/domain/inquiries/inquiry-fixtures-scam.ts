import type { InquiryFixture } from './inquiry-fixtures';

// 行骗类: fees, links, bank details, kickbacks; some dressed up as real orders.
export const SCAM_FIXTURES: InquiryFixture[] = [
  // English: e-mail, website forms, Alibaba, WhatsApp
  {
    id: 'en-scam-click-link-po',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: 'New Purchase Order #PO-44821 – URGENT',
      senderName: 'Procurement Dept.',
      senderEmail: 'orders@secure-docs-review.com',
      company: 'Emirates Trading Co.',
      body: `Dear Sir/Madam,

Please click the link below to view our purchase order and confirm availability:
https://secure-docs-review.com/view?id=44821
Kindly treat as urgent, we need your reply within 24 hours.

Regards, Procurement Dept.`,
    },
  },
  {
    id: 'en-scam-attachment-login',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: 'RFQ documents',
      senderEmail: 'purchase.manager@yahoo.com',
      company: 'Bosch Group',
      body: `Hello,

Kindly open the attached file to view the order details and quote.
The document is protected: sign in with your email password to access it.

Thanks`,
    },
  },
  {
    id: 'en-scam-agent-fee-plausible',
    expected: 'scam',
    hard: 'scam with a plausible product, model and quantity',
    input: {
      channel: 'email',
      subject: 'Order for 2000 pcs LED panels',
      senderName: 'David Okafor',
      senderEmail: 'david.okafor.procurement@gmail.com',
      company: 'Federal Ministry of Works',
      country: 'NG',
      body: `Dear Supplier,

We want to place an order for 2000 pcs of your LED panel light PL-6060, 48W.
Before we can issue the PO, you must pay the registration fee of USD 350 to our
procurement agent. This is urgent as the contract closes this week.

David Okafor`,
    },
  },
  {
    id: 'en-scam-western-union-courier',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: 'Samples',
      senderEmail: 'mikejohnson_trade@aol.com',
      body: `Dear Friend,

Send us samples of your products as soon as possible.
The courier charges should be paid by you via Western Union to our agent,
we will refund it with the first order.`,
    },
  },
  {
    id: 'en-scam-ministry-contract',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: 'Contract award notification',
      senderEmail: 'contracts@ministry-procurement-ng.org',
      company: 'Ministry of Health',
      body: `Dear Sir,

Your company has been selected to supply medical consumables to the Ministry of Health.
To finalise, you are required to pay the contract registration fee and send your bank
account details so that the advance can be transferred immediately.`,
    },
  },
  {
    id: 'en-scam-impersonation-siemens',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: 'Supplier registration',
      senderName: 'Mark Hoffmann',
      senderEmail: 'mark.hoffmann@global-sourcing-hub.net',
      company: 'Siemens AG',
      body: `Dear Valued Supplier,

I am the sourcing manager of Siemens AG. We want to add you to our vendor list.
Please complete the supplier registration and pay the vendor fee of EUR 480 today,
after that we will send a large order.`,
    },
  },
  {
    id: 'en-scam-overpayment-cheque',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: 'Order furniture',
      senderEmail: 'paul.anderson1961@hotmail.com',
      body: `Hello Sir,

I want to buy furniture for my new house abroad. I will send a cashier cheque for more
than the amount; kindly refund the difference to my shipping agent via MoneyGram.`,
    },
  },
  {
    id: 'en-scam-bank-change',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: 'Re: Payment for order',
      senderEmail: 'accounts@lichtwerk-hamburg-de.com',
      company: 'Lichtwerk Hamburg GmbH',
      body: `Dear Partner,

Before we release the deposit for the new order, please confirm your bank details
by replying with your full account information and online banking login.
This is urgent, payment must be done today.`,
    },
  },

  // 中文: domestic B2B (website, phone notes, WeChat) and export trading companies
  {
    id: 'zh-scam-hospital-notary-fee',
    expected: 'scam',
    input: {
      channel: 'phone',
      senderName: '张主任',
      company: '某市第一人民医院后勤科',
      body: `我单位现有一批采购项目,经领导研究决定贵司为供应商,无需比价。
请带样品和合同来我单位面谈,签合同前需先支付合同公证费3800元,联系电话:13907551234。`,
    },
  },
  {
    id: 'zh-scam-banquet-gifts',
    expected: 'scam',
    input: {
      channel: 'phone',
      senderName: '刘科长',
      company: '某区教育局装备科',
      body: `你们的课桌椅我们领导看过了,准备直接签合同。签约当天请贵司安排招待,
在我们指定的酒店订一桌,另外买两箱茅台作为领导的礼品,钱到时候合同里一起算。`,
    },
  },
  {
    id: 'zh-scam-link-login',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: '采购订单PO20240517 请查收',
      senderEmail: 'caigou@order-center-cn.com',
      company: '美的集团',
      body: `您好,
我司采购订单已上传,请点击下面链接登录邮箱查看订单详情:http://order-center-cn.com/login
请在今天之内确认,逾期作废。`,
    },
  },
  {
    id: 'zh-scam-attachment-password',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: '采购清单',
      senderEmail: 'purchasing.dept@163.com',
      company: '中国石化物资装备部',
      body: `尊敬的供应商:
附件是我们的采购清单,请下载附件并输入邮箱密码查看,尽快回复报价。`,
    },
  },
  {
    id: 'zh-scam-deposit-plausible',
    expected: 'scam',
    hard: '产品、型号、数量都很像真的,但要求供应商先交保证金',
    input: {
      channel: 'phone',
      senderName: '黄经理',
      company: '某市城建投资集团',
      body: `我们市政项目急需贵司型号FL-300的LED投光灯,300W,数量800台,十万火急。
按规定贵司需先缴纳5%履约保证金才能签合同,请今天之内汇到我们指定账户。`,
    },
  },
  {
    id: 'zh-scam-agent-fee',
    expected: 'scam',
    input: {
      channel: 'wechat',
      senderName: '王先生',
      body: `老板你好,我是做政府采购中介的,手上有个大单可以介绍给你们,
需要先付中介费2000元,成交后再给我3个点的好处费。`,
    },
  },
  {
    id: 'zh-scam-bank-code',
    expected: 'scam',
    input: {
      channel: 'phone',
      senderName: '自称平台客服',
      body: `您好,您在我们平台的询盘订单需要核实资质,请提供法人银行卡号和手机验证码,
另需缴纳入网费和认证费共1280元,否则订单将被取消。`,
    },
  },
  {
    id: 'zh-scam-tender-won',
    expected: 'scam',
    input: {
      channel: 'email',
      subject: '中标通知',
      senderEmail: 'zhaobiao_center@126.com',
      company: '省公共资源交易中心',
      body: `恭喜贵司入围我单位办公设备采购项目,请在24小时内缴纳标书费和保证金,
汇款后请把回执发到本邮箱。`,
    },
  },
];
