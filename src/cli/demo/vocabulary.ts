// Words the demo builds its Chinese sales world from.

export const PROVINCES: readonly { province: string; cities: readonly string[] }[] = [
  { province: '江苏', cities: ['南京', '苏州', '无锡', '常州'] },
  { province: '浙江', cities: ['杭州', '宁波', '温州', '嘉兴'] },
  { province: '上海', cities: ['上海'] },
  { province: '广东', cities: ['广州', '深圳', '东莞', '佛山'] },
  { province: '山东', cities: ['济南', '青岛', '烟台'] },
  { province: '北京', cities: ['北京'] },
  { province: '四川', cities: ['成都', '绵阳'] },
  { province: '湖北', cities: ['武汉', '宜昌'] },
];

/** The grid teams' territories: the first four provinces east, the rest elsewhere. */
export const EAST_PROVINCES = ['江苏', '浙江', '上海', '山东'];

export const INDUSTRIES = [
  '制造业',
  '软件和信息技术',
  '批发零售',
  '建筑工程',
  '医疗器械',
  '物流',
  '教育培训',
  '食品饮料',
];

export const NAME_HEADS = [
  '华',
  '远',
  '恒',
  '鑫',
  '瑞',
  '博',
  '中',
  '盛',
  '安',
  '宏',
  '天',
  '金',
  '新',
  '联',
  '东',
  '海',
  '德',
  '昌',
  '通',
  '达',
];
export const NAME_TAILS = [
  '科技',
  '电子',
  '机械',
  '精密',
  '实业',
  '贸易',
  '智能',
  '材料',
  '信息',
  '医疗',
  '物流',
  '建设',
  '光电',
  '环保',
];
export const LEGAL = ['有限公司', '股份有限公司', '有限责任公司'];

export function companyName(random: { pick<T>(items: readonly T[]): T }, city: string): string {
  return `${city}${random.pick(NAME_HEADS)}${random.pick(NAME_HEADS)}${random.pick(NAME_TAILS)}${random.pick(LEGAL)}`;
}

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
];
export const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '婷',
  '鹏',
];

export function personName(random: {
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}): string {
  const given = random.chance(0.5)
    ? random.pick(GIVEN)
    : `${random.pick(GIVEN)}${random.pick(GIVEN)}`;
  return `${random.pick(SURNAMES)}${given}`;
}

/** Decision-chain roles with a matching job title (seed 002 决策链). */
export const CONTACT_ROLES: readonly { role: string; title: string }[] = [
  { role: 'decision_maker', title: '总经理' },
  { role: 'influencer', title: '财务总监' },
  { role: 'user', title: '信息部经理' },
  { role: 'gatekeeper', title: '行政主管' },
  { role: 'champion', title: '采购经理' },
];

export const PRODUCTS = [
  '财务软件标准版',
  '财务软件专业版',
  'ERP 实施服务',
  '进销存系统',
  '年度维护服务',
  '服务器',
];

/** Follow-up summaries per activity type, as reps write them. */
export const SUMMARIES: Record<string, readonly string[]> = {
  call: [
    '电话沟通需求,约下周拜访',
    '电话回访,客户在比较方案',
    '电话确认预算和时间表',
    '电话跟进报价反馈',
  ],
  visit: [
    '上门拜访,演示产品',
    '拜访财务总监,了解现有系统',
    '陪同技术人员现场调研',
    '拜访总经理,汇报方案',
  ],
  meeting: ['方案评审会', '与决策层开会讨论合同条款'],
  email: ['发送产品资料和案例', '发送报价单', '邮件确认会议纪要'],
  wechat: ['微信发送新品信息', '微信节日问候', '微信沟通交付时间'],
  quote: ['发送解决方案和报价', '按新需求修改报价单', '提交正式报价和实施计划'],
};

export const SOURCES = [
  '互联网',
  '公司领导资源',
  '展会及研讨会',
  '广告',
  '朋友介绍',
  '客户介绍',
  '陌生拜访',
  '主动来电',
];
