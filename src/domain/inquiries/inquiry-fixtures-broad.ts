import type { InquiryFixture } from './inquiry-fixtures';

// 宽泛类: interest in the range, asks for catalogues or prices, nothing specific.
export const BROAD_FIXTURES: InquiryFixture[] = [
  // English: e-mail, website forms, Alibaba, WhatsApp
  {
    id: 'en-broad-price-list',
    expected: 'broad',
    input: {
      channel: 'email',
      subject: 'Inquiry',
      senderName: 'John',
      senderEmail: 'johnimports2020@gmail.com',
      body: `Dear Sir/Madam,

We are interested in your products. Please send us your latest price list and catalogue.

Best regards,
John`,
    },
  },
  {
    id: 'en-broad-streetlights-category',
    expected: 'broad',
    hard: 'names a product category but no model or quantity',
    input: {
      channel: 'email',
      subject: 'LED street lights',
      senderName: 'Kwame Boateng',
      senderEmail: 'kwame@accralights.com.gh',
      company: 'Accra Lights Ltd',
      country: 'GH',
      body: `Hello,

we are looking for LED street lights for our market.
Please send your catalogue and best prices. What is your MOQ?

Kwame`,
    },
  },
  {
    id: 'en-broad-canton-fair',
    expected: 'broad',
    input: {
      channel: 'email',
      subject: 'Canton Fair follow up',
      senderEmail: 'mohammad.f@yahoo.com',
      body: `Dear Friend,

I saw your booth at the Canton Fair. Kindly send me your full product range with prices,
we may have orders for next season.

Thanks`,
    },
  },
  {
    id: 'en-broad-hoodies-whatsapp',
    expected: 'broad',
    input: {
      channel: 'whatsapp',
      body: 'Hi, do you make hoodies? what is your MOQ and price? thanks',
    },
  },
  {
    id: 'en-broad-agri-distributor',
    expected: 'broad',
    hard: 'a real company with address and website, still nothing specific',
    input: {
      channel: 'email',
      subject: 'Distribution of agricultural machinery in Chile',
      senderName: 'Felipe Araya',
      senderEmail: 'faraya@agrosur.cl',
      company: 'Agrosur SpA',
      country: 'CL',
      body: `Dear Sales Team,

We are a distributor of agricultural machinery in southern Chile and want to add new
product lines. Could you share your catalogues and your distributor terms?

Felipe Araya, Agrosur SpA
Address: Av. Alemania 0671, Temuco | www.agrosur.cl`,
    },
  },
  {
    id: 'en-broad-crm-evaluation',
    expected: 'broad',
    input: {
      channel: 'website',
      subject: 'Pricing?',
      senderName: 'Tom Becker',
      senderEmail: 'tom.becker@beckerlogistics.com',
      company: 'Becker Logistics',
      body: `Hello,
we are evaluating CRM tools for our company. Could you send pricing and a brochure?
Thanks, Tom`,
    },
  },
  {
    id: 'en-broad-chemicals-best-price',
    expected: 'broad',
    input: {
      channel: 'email',
      subject: 'Request for quotation',
      senderEmail: 'chem.buyer88@yahoo.com',
      body: `Dear Supplier,

Please quote your best price for your chemicals. We buy regularly and are looking for
a reliable supplier for long-term cooperation.

Regards`,
    },
  },
  {
    id: 'en-broad-auto-parts-ghana',
    expected: 'broad',
    input: {
      channel: 'email',
      subject: 'Auto parts',
      senderName: 'Emmanuel',
      senderEmail: 'emmanuel.autospares@hotmail.com',
      country: 'GH',
      body: `Good day,

We import auto parts to Ghana. Please send your product list and price list.
Thank you.`,
    },
  },

  // 中文: domestic B2B (website, phone notes, WeChat) and export trading companies
  {
    id: 'zh-broad-what-products',
    expected: 'broad',
    input: {
      channel: 'website',
      senderEmail: 'lixiaoming1988@163.com',
      body: '您好,请问你们有哪些产品?发一份价格表给我看看。',
    },
  },
  {
    id: 'zh-broad-led-category',
    expected: 'broad',
    hard: '说了产品大类(LED灯),没有型号和数量',
    input: {
      channel: 'phone',
      senderName: '吴先生',
      company: '南昌一家装修公司',
      body: '你好,我们公司需要LED灯,请问你们都有什么款式?能发个产品目录吗?价格怎么样?',
    },
  },
  {
    id: 'zh-broad-formal-catalogue',
    expected: 'broad',
    input: {
      channel: 'email',
      subject: '询价',
      senderEmail: 'trade_wang@126.com',
      body: `尊敬的先生/女士:
我们对贵司产品很感兴趣,请发送最新的产品目录和报价单。
谢谢!`,
    },
  },
  {
    id: 'zh-broad-office-furniture',
    expected: 'broad',
    input: {
      channel: 'wechat',
      body: '老板你好,我在看办公家具,你们有没有画册?后面可能要采购一些。',
    },
  },
  {
    id: 'zh-broad-erp-price',
    expected: 'broad',
    input: {
      channel: 'website',
      senderName: '黄女士',
      senderEmail: 'huang.l@sina.com',
      body: '你好,想了解一下你们的ERP系统,大概什么价位?有没有资料可以发我看看',
    },
  },
  {
    id: 'zh-broad-garment-exporter',
    expected: 'broad',
    hard: '公司介绍齐全,但没有具体需求',
    input: {
      channel: 'email',
      subject: '寻找面料供应商',
      senderName: '郑敏',
      senderEmail: 'zhengmin@hqgarments.com',
      company: '宁波华茂服饰进出口有限公司',
      body: `您好,
我们是一家服装外贸公司,主要做欧美市场,想找面料供应商长期合作,请介绍一下贵司的主要产品。
网址:www.hqgarments.com 电话:0574-8788 1620`,
    },
  },
  {
    id: 'zh-broad-chemical-moq',
    expected: 'broad',
    input: {
      channel: 'alibaba',
      body: '请问你们的化工原料起订量是多少?最低价是多少?',
    },
  },
  {
    id: 'zh-broad-food-packaging',
    expected: 'broad',
    input: {
      channel: 'phone',
      subject: '来电记录',
      senderName: '冯总',
      body: '你好,我们是新开的食品厂,需要一些包装设备,请推荐一下,并给个报价。',
    },
  },
];
