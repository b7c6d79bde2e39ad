import type { InquiryFixture } from './inquiry-fixtures';

// 精准类: named addressee, model, specification, quantity, trade and payment terms.
export const PRECISE_FIXTURES: InquiryFixture[] = [
  // English: e-mail, website forms, Alibaba, WhatsApp
  {
    id: 'en-precise-led-highbay',
    expected: 'precise',
    input: {
      channel: 'email',
      subject: 'RFQ: UFO high bay 150W x 1200 pcs',
      senderName: 'Jonas Weber',
      senderEmail: 'j.weber@lichtwerk-hamburg.de',
      company: 'Lichtwerk Hamburg GmbH',
      country: 'DE',
      body: `Dear Ms. Chen,

thank you for the samples at Light+Building. We would like a quotation for:
- UFO LED high bay, model HB-150U, 150W, 5000K, IP65, 1-10V dimming
- Quantity: 1200 pcs, packed 1 pc per carton
Please quote FOB Shenzhen. Delivery to Hamburg port before 15 October.
Our target price is USD 18.5/pc. Payment: 30% T/T deposit, balance against copy of B/L.

Best regards
Jonas Weber, Purchasing
Lichtwerk Hamburg GmbH, Address: Billstrasse 82, 20539 Hamburg
Tel: +49 40 7889 2301 | www.lichtwerk-hamburg.de`,
    },
  },
  {
    id: 'en-precise-ball-valves',
    expected: 'precise',
    input: {
      channel: 'email',
      subject: 'Enquiry ball valves DN50 PN16',
      senderName: 'Rashid Khan',
      senderEmail: 'rashid@gulfflowuae.com',
      company: 'Gulf Flow Trading LLC',
      country: 'AE',
      body: `Hello Mr. Zhang,

We need stainless steel ball valves for a desalination project:
full bore, body CF8M, size DN50 PN16, flanged ends to EN 1092-1, 300 units.
Please quote CIF Jebel Ali and confirm lead time. We need shipment within 6 weeks.
Material test certificates EN 10204 3.1 are required.

Regards,
Rashid Khan
Gulf Flow Trading LLC, Mob: +971 50 412 8890`,
    },
  },
  {
    id: 'en-precise-gmail-small-buyer',
    expected: 'precise',
    hard: 'precise inquiry from a gmail address by a one-shop buyer',
    input: {
      channel: 'website',
      subject: 'Oak dining set DT-180',
      senderName: 'Sarah Holt',
      senderEmail: 'sarahholtinteriors@gmail.com',
      country: 'GB',
      body: `Hi Lisa,

I run a small furniture shop in Leeds. I'd like 40 sets of the oak dining set DT-180
(table 180x90cm plus 6 chairs), natural oil finish.
EXW price is fine, my forwarder will collect. Shipment to Felixstowe, ideally in March.
I can pay 50% deposit by T/T and the rest before loading.

Thanks, Sarah`,
    },
  },
  {
    id: 'en-precise-cotton-twill',
    expected: 'precise',
    input: {
      channel: 'email',
      subject: 'Cotton twill 240gsm - 8,000 m',
      senderName: 'Elena Rossi',
      senderEmail: 'elena.rossi@tessutirossi.it',
      company: 'Tessuti Rossi S.r.l.',
      country: 'IT',
      body: `Dear Ms. Wong,

Please quote 100% cotton twill 3/1, 240gsm, width 150cm, reactive dyed,
in navy, khaki and black: 8,000 meters in total (min 2,500 m per colour).
We need lab dips first. Price FOB Shanghai, shipment in March.
Payment by L/C at sight.

Elena Rossi
Tessuti Rossi S.r.l. – Via Roma 21, Prato | Tel: +39 0574 602 118`,
    },
  },
  {
    id: 'en-precise-tio2',
    expected: 'precise',
    input: {
      channel: 'email',
      subject: 'Titanium dioxide rutile R-996, 2 x 20ft',
      senderName: 'Marcos Oliveira',
      senderEmail: 'compras@tintascampinas.com.br',
      company: 'Tintas Campinas Ltda',
      country: 'BR',
      body: `Dear Mr. Sun,

We are a paint manufacturer based in Campinas. We need titanium dioxide rutile grade
R-996 (TiO2 purity 94% min), packed in 25kg bags, 2 x 20ft containers.
Please quote CIF Santos with payment by L/C at sight, and send TDS and MSDS.
Delivery required by end of May.

Marcos Oliveira – Purchasing
www.tintascampinas.com.br`,
    },
  },
  {
    id: 'en-precise-crm-licences',
    expected: 'precise',
    input: {
      channel: 'website',
      subject: 'Quote for 120 CRM seats, on-premise',
      senderName: 'Pieter de Vries',
      senderEmail: 'pieter.devries@hollandfresh.nl',
      company: 'Holland Fresh B.V.',
      country: 'NL',
      body: `Dear Brightdesk team,

We plan to roll out your CRM to our sales and service departments: 120 users,
on-premise installation, SSO with Azure AD, and import of 45,000 customer records.
Our budget is EUR 40,000 for the first year, including training.
Go-live needed by 1 June. Please send an itemised quotation.

Pieter de Vries, IT Manager
Holland Fresh B.V., Tel: +31 10 422 8711`,
    },
  },
  {
    id: 'en-precise-cnc-lathe',
    expected: 'precise',
    input: {
      channel: 'email',
      subject: 'CNC lathe CK6150 - 3 units',
      senderName: 'Alejandro Ruiz',
      senderEmail: 'aruiz@maquinadosnorte.mx',
      company: 'Maquinados del Norte S.A. de C.V.',
      country: 'MX',
      body: `Dear Mr. Liu,

Following our call, please quote 3 units CNC lathe CK6150 with Fanuc 0i-TF control,
1500mm between centers, hydraulic chuck and tailstock.
Price DAP Monterrey. We need them installed by end of Q3.
Payment: 30% deposit, 70% before shipment.

Alejandro Ruiz
Maquinados del Norte S.A. de C.V., Tel: +52 81 8340 5521`,
    },
  },
  {
    id: 'en-precise-solar-panels',
    expected: 'precise',
    input: {
      channel: 'alibaba',
      subject: '550W mono panels 2 x 40HQ',
      senderName: 'Grace Wanjiru',
      senderEmail: 'grace@sunpoint.co.ke',
      company: 'Sunpoint Energy Ltd',
      country: 'KE',
      body: `Hi Kevin,

We need 550W mono PERC half-cell panels, 2 x 40HQ, for a C&I rooftop project.
Please quote DDP Nairobi. Our target price is USD 0.11/W.
Delivery in 8 weeks. Include the TUV certificate and the warranty terms.

Grace Wanjiru, Sunpoint Energy Ltd`,
    },
  },
  {
    id: 'en-precise-kraft-bags-terse',
    expected: 'precise',
    hard: 'no greeting, outlook.com sender, but full spec and quantity',
    input: {
      channel: 'alibaba',
      senderEmail: 'ngoc.packaging@outlook.com',
      country: 'VN',
      body: `Need 50,000 pcs kraft paper bags 25x35x12cm, twisted handle, 2 colours print one side.
FOB Xiamen please. Sample before order.`,
    },
  },

  // 中文: domestic B2B (website, phone notes, WeChat) and export trading companies
  {
    id: 'zh-precise-downlights',
    expected: 'precise',
    input: {
      channel: 'email',
      subject: '询价:LED筒灯DL-0615 2000只',
      senderName: '周建平',
      senderEmail: 'zhoujp@hzmingguang.com',
      company: '杭州明光照明工程有限公司',
      country: 'CN',
      body: `王经理您好:
我司承接萧山一商业综合体照明工程,需采购LED筒灯,型号DL-0615,6寸15W,色温4000K,显指≥80,
数量2000只。请报含税含运费价格,送到杭州萧山工地,要求4月20日前到货。
付款方式:货到验收后30天付款。
周建平 采购部 电话:0571-8675 2231 地址:杭州市萧山区金城路358号`,
    },
  },
  {
    id: 'zh-precise-injection-molding',
    expected: 'precise',
    input: {
      channel: 'phone',
      subject: '电话询价记录:注塑机',
      senderName: '何厂长',
      company: '宁波恒达塑料制品厂',
      country: 'CN',
      body: `李工您好:
我厂需要采购两台注塑机,锁模力280吨,螺杆直径50mm,伺服节能型,用于生产PP周转箱。
请报含税到厂价,交货期多长?我们希望6月底前到厂安装调试。付款方式可以30%预付,余款验收后付清。`,
    },
  },
  {
    id: 'zh-precise-polyester-fabric',
    expected: 'precise',
    input: {
      channel: 'wechat',
      senderName: '孙丽',
      company: '绍兴柯桥锦绣纺织品有限公司',
      body: `张总好,我们要订一批涤纶春亚纺,150D/48F,克重120克/平方米,门幅150cm,
颜色按潘通色卡6个色,数量30000米,交期30天。价格控制在每米6.5元以内,含税。
先打色样确认。`,
    },
  },
  {
    id: 'zh-precise-caustic-soda-qq',
    expected: 'precise',
    hard: 'QQ 邮箱发来的精准询盘',
    input: {
      channel: 'email',
      subject: '片碱采购',
      senderName: '陈先生',
      senderEmail: '8723341@qq.com',
      body: `您好,
采购工业级氢氧化钠片碱,含量≥99%,25公斤/袋,数量20吨,发到佛山南海。
款到发货,需开13%专票。麻烦报个到厂价,谢谢。`,
    },
  },
  {
    id: 'zh-precise-crm-private',
    expected: 'precise',
    input: {
      channel: 'website',
      subject: 'CRM系统采购询价',
      senderName: '刘倩',
      senderEmail: 'liuqian@yunfan-tech.cn',
      company: '深圳云帆科技有限公司',
      body: `深圳博达软件有限公司销售部:您好!
我司拟采购CRM系统,150个用户,需要私有化部署,并与现有金蝶K3对接。
预算30万元以内,计划6月底前上线,请提供报价和实施方案。
联系人:刘倩 手机:13823456789`,
    },
  },
  {
    id: 'zh-precise-hotel-furniture',
    expected: 'precise',
    input: {
      channel: 'email',
      subject: '三亚酒店项目客房家具询价',
      senderName: '陈晓东',
      senderEmail: 'chenxd@haiyun-hotels.com',
      company: '海韵酒店管理有限公司',
      body: `陈总:您好!
我们三亚酒店项目需要定制客房家具,共180间,每间含床、床头柜、衣柜、书桌椅各一套,
材质为橡木贴皮,E1级板材。交货地点三亚海棠湾,计划8月交货。
请按套报价,含运费和安装。附件为平面图和家具清单。`,
    },
  },
  {
    id: 'zh-precise-gate-valves',
    expected: 'precise',
    input: {
      channel: 'email',
      subject: '闸阀询价',
      senderName: '赵工',
      senderEmail: 'zhaogong@sdhuarun-chem.com',
      company: '山东华润化工有限公司',
      body: `刘经理:你好。
项目需要闸阀Z41H-16C DN150共60台,碳钢,法兰连接,用于蒸汽管线。
请报含税到厂价,交货期两周,付款方式月结60天。`,
    },
  },
  {
    id: 'zh-precise-steel-pipe-wechat',
    expected: 'precise',
    hard: '称呼是“老板”,很短,但规格、数量和送货地点都明确',
    input: {
      channel: 'wechat',
      body: '老板,304不锈钢管 φ50×2mm 要5吨,送到昆山,今天能报个价吗',
    },
  },
];
