/** Names that read like a real township's records. */
export const VILLAGE_NAMES = [
  '东村',
  '西村',
  '南庄',
  '北岭',
  '河口',
  '桥头',
  '柳林',
  '杏花',
  '石门',
  '青山',
  '白沙',
  '新塘',
  '马家湾',
  '李家坪',
  '王家庄',
  '上河',
  '下河',
  '龙泉',
  '凤凰',
  '双井',
];

/** Investors with the sector they work in; foreign ones sign in US dollars. */
export const INVESTORS = [
  { name: '华东汽配有限公司', sector: 'auto-parts', foreign: false },
  { name: '江南机电集团', sector: 'machinery-electronics', foreign: false },
  { name: '宏远电气设备有限公司', sector: 'electrical-equipment', foreign: false },
  { name: '绿源农产品加工有限公司', sector: 'agro-processing', foreign: false },
  { name: '金石矿业有限公司', sector: 'minerals', foreign: false },
  { name: '顺达物流有限公司', sector: 'services', foreign: false },
  { name: '新兴农业发展有限公司', sector: 'agro-processing', foreign: false },
  { name: '恒信精密机械有限公司', sector: 'machinery-electronics', foreign: false },
  { name: '鑫达电子科技有限公司', sector: 'machinery-electronics', foreign: false },
  { name: '丰收食品有限公司', sector: 'agro-processing', foreign: false },
  { name: '山水文旅发展有限公司', sector: 'services', foreign: false },
  { name: '德国博世汽车部件（外资）', sector: 'auto-parts', foreign: true },
  { name: '日本电装（外资）', sector: 'auto-parts', foreign: true },
  { name: '香港利丰贸易（外资）', sector: 'services', foreign: true },
] as const;

/** A project's name with the category and the output it fits (a water-supply project is not industrial). */
export interface ProjectKind {
  name: string;
  category: 'industrial' | 'infrastructure' | 'public-service';
  /** What it builds, when it builds something counted: a quantity between min and max, divided by scale. */
  output?: {
    metric: 'rural-road-km' | 'reservoir-reinforced' | 'school-retrofit';
    min: number;
    max: number;
    scale: number;
  };
  /** Planned investment in yuan, low and high. */
  yuan: [number, number];
}

export const PROJECT_KINDS: ProjectKind[] = [
  {
    name: '村道硬化工程',
    category: 'infrastructure',
    output: { metric: 'rural-road-km', min: 20, max: 120, scale: 10 },
    yuan: [800_000, 6_000_000],
  },
  {
    name: '通村公路改造',
    category: 'infrastructure',
    output: { metric: 'rural-road-km', min: 30, max: 250, scale: 10 },
    yuan: [2_000_000, 20_000_000],
  },
  {
    name: '小型水库除险加固',
    category: 'infrastructure',
    output: { metric: 'reservoir-reinforced', min: 1, max: 1, scale: 1 },
    yuan: [1_500_000, 8_000_000],
  },
  { name: '农村饮水安全巩固提升工程', category: 'infrastructure', yuan: [2_000_000, 15_000_000] },
  { name: '污水管网建设', category: 'infrastructure', yuan: [3_000_000, 25_000_000] },
  { name: '桥梁维修加固', category: 'infrastructure', yuan: [500_000, 5_000_000] },
  {
    name: '中心学校校舍改造',
    category: 'public-service',
    output: { metric: 'school-retrofit', min: 1, max: 1, scale: 1 },
    yuan: [2_000_000, 12_000_000],
  },
  { name: '村卫生室标准化建设', category: 'public-service', yuan: [300_000, 1_500_000] },
  { name: '农贸市场提升改造', category: 'public-service', yuan: [1_000_000, 8_000_000] },
  { name: '文化广场建设', category: 'public-service', yuan: [400_000, 3_000_000] },
  { name: '养老服务中心建设', category: 'public-service', yuan: [2_000_000, 10_000_000] },
  { name: '工业园区道路及管网', category: 'industrial', yuan: [5_000_000, 40_000_000] },
  { name: '标准厂房建设', category: 'industrial', yuan: [8_000_000, 60_000_000] },
  { name: '农产品加工园', category: 'industrial', yuan: [5_000_000, 50_000_000] },
];

/** The large projects of a term (one or two a term): the ones a work summary names. */
export const KEY_PROJECTS = [
  { name: '县乡供水一体化工程', category: 'infrastructure', yuan: 650_000_000 },
  { name: '工业园区扩区及基础设施建设', category: 'industrial', yuan: 280_000_000 },
  { name: '省道改线及城镇过境段改造', category: 'infrastructure', yuan: 420_000_000 },
  { name: '现代农业产业园', category: 'industrial', yuan: 160_000_000 },
] as const;

/** 一事一议 works: what villagers vote to build and co-fund. */
export const OMOD_NAMES = [
  '村内道路硬化',
  '村级文化活动室',
  '农田水利沟渠',
  '路灯安装',
  '村组便桥',
  '人饮工程',
  '垃圾收集点',
];

export const MEDIATORS = ['张调解员', '李主任', '王书记', '赵律师', '陈站长'];
export const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰'];

/** What a dispute of each case type is about: summaries that match the type and vary. */
export const DISPUTE_SUMMARIES: Record<string, string[]> = {
  'marriage-family': [
    '夫妻因家庭琐事发生矛盾，一方提出离婚',
    '兄弟姐妹因赡养老人费用分摊发生争执',
    '离婚后子女抚养费支付发生纠纷',
    '婆媳关系紧张，要求调解',
  ],
  neighbour: [
    '邻里因排水沟渠堵塞发生争执',
    '相邻两户因房前屋后通行问题发生纠纷',
    '邻居饲养家禽影响他人生活引发矛盾',
    '因建房采光遮挡问题发生争执',
  ],
  'housing-homestead': [
    '双方因宅基地界址发生争议',
    '因房屋翻建占用公共巷道引发纠纷',
    '兄弟分家时对祖宅分割有争议',
    '宅基地使用权证登记面积不一致引发纠纷',
  ],
  contract: [
    '土地流转合同租金支付发生争议',
    '农机作业服务费结算纠纷',
    '农产品收购合同违约纠纷',
    '房屋租赁合同到期后押金退还发生争执',
  ],
  damages: [
    '交通事故赔偿未达成一致',
    '耕牛踩踏他人庄稼要求赔偿',
    '施工造成邻居房屋开裂要求赔偿',
    '宠物犬咬伤他人引发赔偿纠纷',
  ],
  'forest-land': [
    '两组之间山林界线不清发生争议',
    '承包地边界争议',
    '林地承包经营权流转发生纠纷',
    '因坟地占用他人承包地引发矛盾',
  ],
  'land-acquisition': ['对征地补偿款分配有异议', '房屋拆迁安置面积认定有争议', '青苗补偿标准发生争议'],
  labour: ['务工人员追讨拖欠工资', '企业职工工伤待遇发生争议', '建筑工地包工头拖欠农民工工资'],
  'village-affairs': ['村民对集体收益分配方案有异议', '对村务公开内容提出质疑', '对村集体资产出租程序有异议'],
  other: ['因广场舞噪音扰民发生矛盾', '因网络言论引发的名誉纠纷', '因共用水井使用问题发生争执'],
};

/** How an agreement reached in mediation reads. */
export const AGREEMENTS = [
  '双方达成调解协议，当场履行',
  '双方签订书面调解协议，约定分期履行',
  '经调解双方握手言和，互相谅解',
  '达成赔偿协议，款项已当场支付',
  '双方确认界址并签字认可',
];

/** Audit findings as auditors write them, by audit scope. */
export const FINDINGS: Record<string, string[]> = {
  funds: [
    '部分支出凭证不全',
    '大额现金支付未经集体研究',
    '专项资金未专款专用',
    '招待费支出超出规定标准',
    '收入未及时入账',
  ],
  assets: [
    '集体资产台账与实物不符',
    '村集体房屋出租未签订书面合同',
    '固定资产未按规定登记入账',
    '资产处置未经民主程序',
  ],
  resources: [
    '集体土地发包程序不规范',
    '机动地承包费长期未收缴',
    '集体山林承包合同期限过长',
    '资源性收入未纳入账内核算',
  ],
};

/** What rectifying a finding came to, in the auditors' words. */
export const RECTIFICATIONS = [
  '已补齐凭证并完善审批手续',
  '已追回资金并上缴村集体账户',
  '已补签合同并在村务公开栏公示',
  '已召开村民代表会议补办程序',
  '已完善台账并逐项核实登记',
];
