// The follow-up topic library of seed 002 (跟进的话题: "为每一次跟进找一个漂亮的借口"), in the
// org's language. Each line of the seed's category becomes a topic with a message template;
// {{contact}}, {{company}} and {{me}} are filled in by whoever sends it.

export const TOPIC_CATEGORIES = [
  'price_change',
  'product_news',
  'industry_trend',
  'material_share',
  'company_news',
  'holiday_greeting',
  'birthday_greeting',
] as const;
export type TopicCategory = (typeof TOPIC_CATEGORIES)[number];

export interface DefaultTopic {
  category: TopicCategory;
  title: string;
  template: string;
}

export const DEFAULT_TOPICS: DefaultTopic[] = [
  // 价格波动
  {
    category: 'price_change',
    title: '定期更新价格',
    template:
      '{{contact}}您好,附上我司本期最新价格表,供贵司{{company}}采购参考。如需针对您关注的产品单独报价,请随时告诉我。',
  },
  {
    category: 'price_change',
    title: '涨价降价原因说明',
    template:
      '{{contact}}您好,近期原材料行情有变,我们的价格将随之调整。特此提前说明原因和调整时间,方便贵司安排采购计划。',
  },
  {
    category: 'price_change',
    title: '低价诱饵',
    template:
      '{{contact}}您好,本月我们有一款产品做限量特价,价格低于常规报价,名额有限。需要的话我把详细资料发给您。',
  },
  // 产品信息
  {
    category: 'product_news',
    title: '产品卖点',
    template: '{{contact}}您好,结合贵司的使用场景,整理了我们产品的几个核心卖点,供您参考:……',
  },
  {
    category: 'product_news',
    title: '新产品',
    template:
      '{{contact}}您好,我们刚推出一款新产品,和贵司目前在用的型号相比有明显改进,附上介绍资料,欢迎了解。',
  },
  {
    category: 'product_news',
    title: '老产品技术更新',
    template:
      '{{contact}}您好,贵司采购过的产品近期做了技术升级,主要改进如下:……如需升级方案,我来安排。',
  },
  {
    category: 'product_news',
    title: '免费样品',
    template:
      '{{contact}}您好,我们可以为贵司免费提供样品试用,请告知收件地址和联系人,我尽快安排寄出。',
  },
  // 行业趋势
  {
    category: 'industry_trend',
    title: '目标市场信息(政策,利好/损害)',
    template:
      '{{contact}}您好,近期贵司所在市场出台了新政策,可能影响采购和销售,我整理了要点供您参考:……',
  },
  {
    category: 'industry_trend',
    title: '国内供需关系',
    template: '{{contact}}您好,和您分享一下近期国内的供需情况:……建议贵司提前备货或锁定价格。',
  },
  {
    category: 'industry_trend',
    title: '展会信息',
    template:
      '{{contact}}您好,我们将参加近期的行业展会,届时会展出新品,诚邀您到展位交流。展位号和时间如下:……',
  },
  // 资料共享
  {
    category: 'material_share',
    title: '不常见产品实图',
    template: '{{contact}}您好,附上几张不常见产品的实拍图,方便您直观了解细节和做工。',
  },
  {
    category: 'material_share',
    title: '用户服务手册',
    template:
      '{{contact}}您好,附上产品的用户服务手册,里面有安装、使用和保养说明,有问题随时联系我。',
  },
  {
    category: 'material_share',
    title: '专业技术文件',
    template: '{{contact}}您好,附上相关的专业技术文件(规格书/检测报告),供贵司技术评估使用。',
  },
  // 公司动态
  {
    category: 'company_news',
    title: '新接订单',
    template:
      '{{contact}}您好,和您分享一个好消息:我们刚签下一笔同行业客户的订单,方案和贵司的需求很接近,可以给您做参考。',
  },
  {
    category: 'company_news',
    title: '客户接待',
    template: '{{contact}}您好,近期有多家客户来我司参观考察,也诚邀您方便时来公司和工厂实地看看。',
  },
  {
    category: 'company_news',
    title: '公司大事',
    template: '{{contact}}您好,和您分享我司近期的一件大事:……感谢贵司一直以来的支持。',
  },
  {
    category: 'company_news',
    title: '社会活动',
    template: '{{contact}}您好,我司近期参与了一项社会公益活动,和您分享一下活动情况。',
  },
  // 节日问候
  {
    category: 'holiday_greeting',
    title: '重大节日问候',
    template:
      '{{contact}}您好,值此佳节,{{me}}代表公司祝您和家人节日快乐、万事如意!感谢一直以来的信任与支持。',
  },
  // 生日祝福
  {
    category: 'birthday_greeting',
    title: '客户生日',
    template: '{{contact}},祝您生日快乐!愿新的一岁工作顺利、身体健康、心想事成。——{{me}}',
  },
];
