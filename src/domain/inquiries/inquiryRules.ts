import type { Localized } from '../vocabulary';
import type { InquiryClass, SignalCode } from './types';

interface RuleBase {
  code: SignalCode;
  class: InquiryClass;
  /** Points added to the class's score when the rule fires (once per rule). */
  weight: number;
  label: Localized;
}

/**
 * A rule that fires on the first pattern that matches. `opening` rules look only at the
 * first non-empty line of the body, where the salutation is.
 */
export interface PatternRule extends RuleBase {
  scope: 'text' | 'opening';
  patterns: RegExp[];
}

// Month names and relative periods used by the delivery-date patterns.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}';
const PERIOD = `(?:${MONTH}|q[1-4]|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|\\d{1,12}\\s+(?:weeks?|days|months?)|next month|mid-?${MONTH})`;

// Words after "Dear" that address nobody in particular.
const GENERIC_ADDRESSEE =
  '(?:Sir|Sirs|Madam|Friend|Friends|Supplier|Suppliers|Seller|Manufacturer|Customer|All|Team|Sales|Manager|Purchasing|Purchase|Valued|Beloved|Partner|Gentlemen|Colleague|Colleagues|Beneficiary)\\b';

// Common Chinese surnames, so that "王经理" counts as a named person and "尊敬的经理" does not.
const SURNAMES =
  '[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧]';

const re = (source: string, flags = 'i') => new RegExp(source, flags);

export const PATTERN_RULES: PatternRule[] = [
  // ── scam (行骗类): a real buyer never asks the seller to pay, click or hand over logins ──
  {
    code: 'fee_request',
    class: 'scam',
    weight: 5,
    label: {
      'zh-CN': '要求支付费用(代理费/注册费/公证费等)',
      en: 'Asks you to pay a fee (agent, registration, notary…)',
    },
    scope: 'text',
    patterns: [
      /\b(?:agent|agency|registration|processing|clearance|certification|verification|membership|licen[cs]e|permit|notary|notari[sz]ation|contract|tender|bidding|vendor|supplier|activation|inspection|testing|customs)\s+(?:fees?|charges?)\b/i,
      /(?:代理费|中介费|注册费|公证费|认证费|检测费|送检费|验货费|评审费|登记费|保证金|押金|入网费|会员费|开户费|验厂费|标书费|招标费|激活费|工本费|审核费)/,
    ],
  },
  {
    code: 'money_transfer_service',
    class: 'scam',
    weight: 5,
    label: {
      'zh-CN': '要求通过西联/速汇金/加密货币等汇款',
      en: 'Western Union, MoneyGram, crypto or gift cards',
    },
    scope: 'text',
    patterns: [
      /\b(?:western union|money ?gram|bitcoin|usdt|crypto(?:currency)?|gift ?cards?|itunes cards?|cashier'?s? (?:cheque|check)|refund the difference)\b/i,
      /(?:西联|速汇金|比特币|泰达币|虚拟币|礼品卡|购物卡|充值卡|游戏点卡)/,
    ],
  },
  {
    code: 'bank_details_request',
    class: 'scam',
    weight: 4,
    label: {
      'zh-CN': '索要银行卡号/账户密码/验证码',
      en: 'Asks for bank details, logins or codes',
    },
    scope: 'text',
    // Buyers legitimately ask for a PI with bank details, so only logins, "confirm your
    // details", changed accounts and fund-release stories count.
    patterns: [
      /\b(?:bank|online banking|banking|account)\s+(?:login|password)\b/i,
      /\b(?:confirm|verify|update)\s+your\s+(?:full\s+)?(?:bank(?:ing)?|account)\s+(?:details|information|info|number)\b/i,
      /\byour\s+(?:full\s+)?bank(?:ing)?\s+(?:account\s+)?(?:details|information|info)\b[^.\n]{0,40}\b(?:so that|to|for)\b[^.\n]{0,30}\b(?:release|transfer(?:red)?|receive|remit(?:ted)?)\b/i,
      /\b(?:release|transfer|receive)\s+(?:the\s+)?(?:funds?|grant|money|inheritance)\b[^.\n]{0,40}\bbank\b/i,
      /\b(?:our|the)\s+(?:bank|beneficiary)\s+account\s+(?:has\s+)?(?:been\s+)?(?:changed|updated)\b/i,
      /(?:银行卡号|银行账户信息|账户密码|网银|验证码|收款账户(?:已)?变更|新的收款账户)/,
    ],
  },
  {
    code: 'advance_payment_request',
    class: 'scam',
    weight: 4,
    label: { 'zh-CN': '要求供应商先付款', en: 'Asks the seller to pay first' },
    scope: 'text',
    patterns: [
      /\b(?:you|supplier|seller)\s+(?:must|need to|should|will have to|are required to)\s+(?:first\s+)?(?:pay|send money|transfer|remit)\b/i,
      /\b(?:you|kindly|please)\s+(?:(?:need|must|have|are|to|required|first|will|should)\s+){0,3}pay\b[^.\n]{0,30}\b(?:in advance|upfront|up front|first)\b/i,
      /\b(?:fees?|charges?|costs?)\s+(?:should|must|will|are to)\s+be\s+(?:paid|borne|covered)\s+by\s+(?:you|the supplier|the seller)\b/i,
      /(?:请|需|须|要求)(?:您|你|贵司|你方)?(?:先|预先|提前)(?:支付|缴纳|交纳|付款|付|汇款|垫付)/,
      /(?:贵司|你方|您方|供应商|你们)(?:(?:需要|需|须|必须|要)(?:先|提前)?|先|提前)(?:支付|缴纳|交纳|付|垫付)/,
      /(?:你们|贵司|你方|您)先(?:把|将)?[^。\n]{0,12}(?:打到|汇到|转到|交到|付到)|(?:打到|汇到|转到)[^。\n]{0,12}(?:指定)?账户/,
    ],
  },
  {
    code: 'phishing_link',
    class: 'scam',
    weight: 5,
    label: {
      'zh-CN': '要求点击链接/打开附件/登录才能“查看订单”',
      en: 'Click a link or open a file to "view the order"',
    },
    scope: 'text',
    patterns: [
      /\b(?:click|open|download|log ?in|sign ?in)\b[^.\n]{0,60}?\b(?:to|and)\s+(?:view|see|access|check|review|download)\b[^.\n]{0,30}?\b(?:order|po|purchase|rfq|invoice|inquiry|enquiry|documents?|list)\b/i,
      /\bto (?:view|see|access|download) (?:the |our |my )?(?:purchase )?(?:order|po|rfq|invoice|inquiry|enquiry|documents?)\b[^.\n]{0,40}\b(?:click|open|log ?in|sign ?in|enter)\b/i,
      /\b(?:click|open|download|log ?in|sign ?in)\b[^.\n]{0,40}?\b(?:order|po|purchase order|rfq|invoice|inquiry|enquiry)\b[^.\n]{0,40}?\b(?:link|attach(?:ed|ment)|file)\b/i,
      /\b(?:sign|log) ?in with your (?:email|e-mail|microsoft|office ?365|outlook|google|adobe)(?: account| password)?\b|\benter your (?:email )?password\b/i,
      /\bshared (?:a|an|the) (?:purchase order|order|document|file|rfq|invoice) with you\b/i,
      /(?:点击|打开|下载|登录)[^。\n]{0,20}(?:链接|附件|网址|网页|文件)[^。\n]{0,30}(?:订单|采购单|采购清单|询价单|详情|合同)/,
      /(?:输入|填写)[^。\n]{0,10}密码/,
      /(?:订单|采购单|采购清单|询价单|合同)[^。\n]{0,20}(?:点击|打开|下载|登录)[^。\n]{0,10}(?:链接|附件|网址|文件|查看|确认)/,
    ],
  },
  {
    code: 'kickback_or_gift',
    class: 'scam',
    weight: 5,
    label: {
      'zh-CN': '要回扣、好处费、请客或送礼',
      en: 'Kickbacks, gifts or entertainment for "the boss"',
    },
    scope: 'text',
    patterns: [
      /\b(?:kickback|bribe|gift|commission|dinner)\b[^.\n]{0,40}\b(?:for|to)\s+(?:our|the|my)\s+(?:director|manager|officer|officials?|chairman|boss|head)\b/i,
      /(?:回扣|好处费|红包|宴请|酒席|订(?:一|两)?桌|招待(?:一下)?(?:领导|我们)|安排招待|饭局|(?:给|帮)(?:我们)?领导(?:买|送|准备|订|安排)|(?:买|购买|带|准备)[^。\n]{0,8}(?:茅台|五粮液|中华烟|烟酒|名酒|土特产|礼品))/,
    ],
  },
  {
    code: 'unsolicited_award',
    class: 'scam',
    weight: 3,
    label: {
      'zh-CN': '未报价就“中标/选定为供应商”',
      en: 'Selected or awarded before any quotation',
    },
    scope: 'text',
    patterns: [
      /\b(?:you have been|your company (?:has been|was)) (?:selected|approved|shortlisted|awarded)\b|\bcontract (?:has been )?awarded\b|\bwon the (?:tender|bid)\b|\bsupplier registration\b|\badd you to our vendor list\b/i,
      /(?:(?:确定|选定)(?:贵司|你们|你司|您公司)为(?:供应商|合作单位|中标单位)|(?:贵司|你们|你司)已?(?:中标|入围|入选)|恭喜(?:贵司|您|你们)|无需(?:比价|招标)|直接签合同|带(?:上)?(?:样品|合同)[^。\n]{0,6}(?:来|过来)|领导(?:研究|开会)决定)/,
    ],
  },
  {
    code: 'urgency_pressure',
    class: 'scam',
    weight: 1,
    label: { 'zh-CN': '催促施压(紧急、限时)', en: 'Urgency pressure' },
    scope: 'text',
    patterns: [
      /\b(?:urgent(?:ly)?|immediately|asap|as soon as possible|right away|within (?:12|24|48) hours|must be done today|final notice|last chance|reply (?:fast|quickly|urgently))\b/i,
      /(?:紧急|十万火急|马上|立即|立刻|今天之内|今日内|\d{1,12}小时内|尽快|急需|急单|逾期(?:作废|取消)|过期作废|否则订单将被取消)/,
    ],
  },

  // ── broad (宽泛类): interest without product details ──
  {
    code: 'generic_salutation',
    class: 'broad',
    weight: 1,
    label: { 'zh-CN': '泛泛称呼(尊敬的先生/女士)', en: 'Generic salutation (Dear Sir/Madam)' },
    scope: 'opening',
    patterns: [
      /^(?:dear|hello|hi|greetings|attn:?)\s+(?:sirs?(?:\s*(?:\/|or|and)\s*madam)?|madam|(?:my\s+)?friends?|(?:valued\s+)?suppliers?|seller|manufacturer|purchasing manager|sales manager|manager|sales(?:\s+team)?|all|beloved|partner|customer service|gentlemen|team)\b/i,
      /^(?:to whom it may concern|good day|greetings)\b/i,
      /^(?:尊敬的|亲爱的)?\s*(?:先生\/女士|先生\/小姐|先生或女士|先生|女士|供应商|厂家|老板|负责人|经理|朋友|贵公司|贵司|贵厂)/,
    ],
  },
  {
    code: 'price_list_request',
    class: 'broad',
    weight: 2,
    label: { 'zh-CN': '只要价格表/产品目录', en: 'Asks only for a price list or catalogue' },
    scope: 'text',
    patterns: [
      /\b(?:send|share|provide|forward|email|mail)\b(?:\s+\w+){0,5}?\s+(?:your\s+|the\s+|a\s+|us\s+|me\s+)*(?:latest\s+|full\s+|complete\s+|updated\s+|e-)?(?:price ?lists?|pricelists?|catalog(?:ue)?s?|brochures?|product (?:list|range)|pricing|prices)\b/i,
      /(?:价格表|价目表|价格清单|产品目录|画册|产品册|产品手册|样本册)/,
      /(?:发|给|传)[^。\n]{0,8}(?:目录|资料)|(?:目录|资料)[^。\n]{0,6}(?:发|给|传)/,
    ],
  },
  {
    code: 'vague_interest',
    class: 'broad',
    weight: 1.5,
    label: { 'zh-CN': '笼统的兴趣或问题', en: 'Vague interest or general questions' },
    scope: 'text',
    patterns: [
      /\binterested in (?:your|all your|some of your)\s+(?:products?|items|company|range|goods|services)\b/i,
      /\b(?:what|which) (?:products|items) do you (?:have|offer|make|sell)\b|\bwhat is your (?:moq|minimum order)\b|\bdo you (?:make|produce|sell|supply|have)\b[^.?\n]{0,40}\?/i,
      /\b(?:looking for (?:a |new )?(?:reliable )?(?:suppliers?|manufacturers?|partners?)|long-term cooperation|may have orders|future orders|evaluating)\b/i,
      /(?:对(?:贵司|贵公司|你们|您公司|你司)的?(?:产品|公司)(?:很|非常)?感兴趣|有(?:哪些|什么)(?:产品|款式|型号)|都有什么|主要产品|起订量是多少|最低价|(?:长期|后期|以后)(?:合作|可能(?:要)?采购)|可能要采购|找[^。\n]{0,4}(?:供应商|厂家|合作伙伴)|介绍一下|推荐一下|了解一下|什么价位)/,
    ],
  },

  // ── precise (精准类): 称呼明确,要求清晰,参数、数量、报价形式明确 ──
  {
    code: 'clear_addressee',
    class: 'precise',
    weight: 1.5,
    label: {
      'zh-CN': '称呼明确(具体联系人或公司名)',
      en: 'Clear addressee (a named person or company)',
    },
    scope: 'opening',
    patterns: [
      re(
        `^(?:Dear|Hi|Hello|Good morning|Good afternoon|Attn:?)\\s+(?!${GENERIC_ADDRESSEE})(?:(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+)?[A-Z][a-z]+`,
        '',
      ),
      re(
        `^(?:尊敬的|亲爱的)?\\s*${SURNAMES}[\\u4e00-\\u9fa5]{0,2}?(?:经理|总监|总|先生|女士|小姐|工|主任|老师|主管|部长|科长|厂长)`,
        '',
      ),
      /^(?:致\s*)?(?!尊敬|亲爱|各位)(?![^\n]{0,6}贵)[\u4e00-\u9fa5()()]{2,24}(?:有限公司|股份公司|集团|工厂|厂)/,
    ],
  },
  {
    code: 'model_number',
    class: 'precise',
    weight: 3,
    label: { 'zh-CN': '具体型号', en: 'Named model number' },
    scope: 'text',
    patterns: [
      /(?:型号|规格型号|货号|\bmodel(?:\s*no\.?)?|\bitem\s*no\.?|\bpart\s*(?:no\.?|number)|\bP\/N|\bart\.?\s*no\.?)\s*[:#]?\s*[A-Za-z0-9][\w\-/.]{0,19}\w/i,
      re(
        '\\b(?!(?:PO|INV|REF|ISO|NO|SN|ID|TEL|FAX|HS|DN|PN|IP)[-#]?\\d)[A-Z]{1,5}[-/]?\\d{2,6}[A-Z0-9-]{0,12}\\b',
        '',
      ),
    ],
  },
  {
    code: 'specification',
    class: 'precise',
    weight: 2,
    label: { 'zh-CN': '具体参数/规格(带单位)', en: 'Specifications with units' },
    scope: 'text',
    patterns: [
      /[φΦØ]?\s?\d{1,12}(?:\.\d{1,12})?\s?(?:[x×*]\s?\d{1,12}(?:\.\d{1,12})?\s?){1,2}(?:mm|cm|m)\b/i,
      /\b(?:purity|assay|size|thickness|width|diameter|voltage|power|capacity)\s*[:=]?\s*(?:of\s+)?(?:\w+\s+)?[≥≤><]?\s*\d{1,12}(?:\.\d{1,12})?\s?(?:%|\w+)?|\b\d{2,3}%\s?(?:cotton|polyester|wool|linen|nylon|spandex)\b/i,
      /(?:材质|纯度|含量|尺寸|门幅|克重|功率|电压|色温|显指|厚度|口径|精度|锁模力|螺杆直径)\s*(?:[:为])?\s*[≥≤><]?\s*\d{1,12}(?:\.\d{1,12})?\s?(?:%|[a-zA-Z]+|吨|克\/平方米|克|米|瓦|伏|目)?|(?:304|316L?|201)\s?(?:不锈钢|stainless)/,
      /\b\d{1,12}(?:\.\d{1,12})?\s?(?:mm|cm|kw|kva|w|v|vac|vdc|mah|hz|mpa|bar|lm|gsm|ml|kn|rpm|μm|um|mesh|inch(?:es)?)\b/i,
      /\b(?:DN|PN)\s?\d{2,4}\b|\bIP6[5-8]\b|\b\d{4}K\b|[φΦØ]\s?\d{1,12}/,
      /\d{1,12}(?:\.\d{1,12})?\s?(?:毫米|厘米|千瓦|瓦|伏|兆帕|目|寸)|\d{1,12}\s?(?:克|g)\/(?:平方米|m2)|\d{1,12}D\/\d{1,12}F/,
    ],
  },
  {
    code: 'quantity',
    class: 'precise',
    weight: 3,
    label: { 'zh-CN': '明确数量(件/台/吨/套)', en: 'Quantity with units (pcs, sets, tons)' },
    scope: 'text',
    patterns: [
      /\b\d[\d,.]{0,15}\s?(?:pcs|pieces|pc|units|sets|tons|tonnes|mt|cartons|ctns|containers|pallets|rolls|meters|metres|yards|pairs|dozens?|licen[cs]es|seats|users|drums|bags)\b/i,
      /\b\d{1,12}\s?(?:x|×)\s?(?:20|40)\s?(?:ft|'|’|gp|hq|hc)\b|\b\d{1,12}\s?(?:units?|sets?)\s+(?:of\s+)?[A-Za-z]/i,
      /\b(?:qty|quantity|moq of)\s*[:=]?\s*\d/i,
      /\d[\d,.]{0,15}\s?万?\s?(?:件|台|吨|套|只|箱|米|卷|桶|张|把|盏|支|条|双|平方米|平米|㎡|柜|托|间|片)|\d{1,12}\s?个(?:用户|账号|站点|门店|货柜|柜|终端)/,
      /[一二两三四五六七八九十百千万]{1,8}\s?(?:台|吨|套|柜|只|件|间)/,
      /数量\s*[:为]?\s*\d/,
    ],
  },
  {
    code: 'incoterm',
    class: 'precise',
    weight: 2,
    label: { 'zh-CN': '贸易术语(FOB/CIF/EXW…)', en: 'Incoterm (FOB, CIF, EXW…)' },
    scope: 'text',
    patterns: [
      /\b(?:FOB|CIF|CFR|C&F|CNF|EXW|DDP|DAP|DDU|FCA|CPT|CIP|FAS)\b(?:\s+[A-Z][a-z]+)?/,
      /(?:离岸价|到岸价|工厂交货|完税后交货)/,
    ],
  },
  {
    code: 'delivery_terms',
    class: 'precise',
    weight: 1.5,
    label: { 'zh-CN': '交货期或交货地点/港口', en: 'Delivery date or port' },
    scope: 'text',
    patterns: [
      re(
        `\\b(?:need(?:ed)?(?: them)?(?: installed)?|deliver(?:y|ed)?|ship(?:ment|ped|ping)?|arrive|on site|go-?live(?: needed)?|lead time)\\b[^.\\n]{0,30}?\\b(?:by|before|within|in|no later than)\\s+(?:the\\s+)?(?:end of\\s+)?${PERIOD}\\b`,
      ),
      /\b(?:port of|destination port|discharge port|loading port|POD|POL)\s*[:]?\s*[A-Z][A-Za-z]+|\b(?:ship(?:ped|ment)?|deliver(?:ed|y)?)\s+to\s+[A-Z][a-z]+/,
      /(?:交货期|交期|货期|到货时间|发货时间|交货时间|交付时间|交货地点|送货地址|收货地址|目的港)/,
      /\d{1,2}月(?:\d{1,2}[日号])?(?:前|之前|底前|底|初|中旬|份)?\s?(?:交货|到货|发货|交付|上线|到厂)|(?:前|之前)(?:交货|到货|发货|交付|上线|到厂)/,
      /(?:送到|送至|发到|运到|交货到)(?!我|你|您|本|邮箱|微信|QQ)[\u4e00-\u9fa5]{2,10}/,
    ],
  },
  {
    code: 'target_price',
    class: 'precise',
    weight: 1.5,
    label: { 'zh-CN': '目标价/预算', en: 'Target price or budget' },
    scope: 'text',
    patterns: [
      /\b(?:target price|our budget|budget (?:is|of)|price (?:should be|must be|around|below|under))\b/i,
      /(?:USD|US\$|\$|EUR|€|RMB|¥)\s?\d[\d,.]{0,15}\s*(?:\/|per\s)\s*(?:pcs|pc|piece|unit|set|ton|mt|kg|m|meter|metre|w|watt|user|seat)\b/i,
      /(?:目标价|预算|心理价位|价格控制在|单价控制在|单价不超过|价格不超过|限价)|\d{1,12}(?:\.\d{1,12})?\s*(?:元|块)\s*(?:\/|每)\s*(?:件|台|吨|套|个|米|只)|每(?:件|台|吨|套|个|米|只)\s*\d{1,12}(?:\.\d{1,12})?\s*元/,
    ],
  },
  {
    code: 'payment_terms',
    class: 'precise',
    weight: 1.5,
    label: { 'zh-CN': '付款方式', en: 'Payment terms' },
    scope: 'text',
    patterns: [
      /\b(?:T\/T|L\/C|D\/P|D\/A|net\s?(?:30|45|60|90)|trade assurance)\b|\b\d{1,3}%\s*(?:T\/T\s+)?(?:deposit|down ?payment)\b|\bbalance\s+(?:before|against|after)\b/i,
      /(?:付款方式|结算方式|账期|月结|货到付款|款到发货|信用证|电汇|承兑|验收后(?:\d{1,12}天)?付款|\d{1,12}%\s?(?:预付|定金|订金|首付))/,
    ],
  },
  {
    code: 'quote_terms',
    class: 'precise',
    weight: 1,
    label: { 'zh-CN': '明确报价形式(含税、含运费)', en: 'Stated quotation terms' },
    scope: 'text',
    patterns: [
      /\b(?:including (?:freight|packing|shipping|tax|vat|training|installation)|itemi[sz]ed quotation|price breakdown|quote per (?:unit|set|piece))\b/i,
      /(?:含税|不含税|含运费|开(?:具)?(?:增值税)?(?:专用)?发票|\d{1,12}%专票|专票|普票|到厂价|按套报价|含安装)/,
    ],
  },
  {
    code: 'usage_context',
    class: 'precise',
    weight: 1,
    label: { 'zh-CN': '说明用途或项目', en: 'States the application or project' },
    scope: 'text',
    patterns: [
      /\bfor (?:our|a|the) (?:new )?(?:[\w&-]+ )?(?:project|warehouse|factory|plant|hotel|site|stores?|outlets?|production line|workshop|clinic)\b|\bwill be (?:used|installed)\b|\bused (?:for|in)\b/i,
      /(?:用于|用在|安装在|应用于|使用场景|工况|工程项目|(?:酒店|工厂|车间|仓库|工地|门店|医院|商业综合体)项目|承接)/,
    ],
  },
  {
    code: 'company_introduction',
    class: 'precise',
    weight: 0.5,
    label: { 'zh-CN': '介绍了自己的公司', en: 'Introduces the buying company' },
    scope: 'text',
    patterns: [
      /\b(?:we are|i am|i'm|i run)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:importer|distributor|wholesaler|manufacturer|retailer|contractor|company|firm|dealer|reseller|integrator|brand|chain|shop|store|factory)\b/i,
      /(?:我们是|我司是|我公司是|本公司是|我们公司是)(?:一家)?[^。\n]{0,20}(?:公司|工厂|厂|企业|商|集团)|(?:我司|我公司)(?:主营|专业从事|主要(?:做|经营|生产)|承接|拟)/,
    ],
  },
  {
    code: 'contact_details',
    class: 'precise',
    weight: 1,
    label: { 'zh-CN': '留有地址/电话/网址', en: 'Gives address, phone or website' },
    scope: 'text',
    patterns: [
      /\b(?:tel|phone|mob(?:ile)?|whatsapp|fax|cell)\s*[:.]?\s*\+?[\d(][\d\s()-]{6,20}/i,
      /\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|\b(?:website|web|address|addr)\s*:\s*\S+/i,
      /(?:地址|电话|手机|座机|传真|网址|官网)\s*[:]\s*[^\s。,;]+/,
    ],
  },
];

/** Webmail providers anyone can sign up to; a company mailbox says more about the sender. */
export const FREE_MAIL_DOMAINS: RegExp[] = [
  /^(?:gmail|googlemail|ymail|aol|msn|icloud|me|mail|gmx|web|protonmail|proton|zoho|rediffmail|inbox|bk|list|rambler|tutanota)\.[a-z.]+$/,
  /^(?:yahoo|hotmail|outlook|live|yandex)(?:\.[a-z]{2,3}){1,2}$/,
  /^(?:qq|foxmail|163|126|yeah|sina|sohu|139|189|aliyun|tom|21cn)\.(?:com|cn|net)$/,
  /^(?:vip\.)(?:qq|163|126|sina)\.(?:com|cn)$/,
];
