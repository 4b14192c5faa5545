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
export const INVESTORS = [
  '华东汽配有限公司',
  '江南机电集团',
  '宏远电气设备',
  '绿源农产品加工',
  '金石矿业',
  '顺达物流服务',
  '德国博世（外资）',
  '日本电装（外资）',
  '新兴农业合作社',
  '恒信精密机械',
  '鑫达电子',
  '丰收食品',
];
export const SECTORS = [
  'auto-parts',
  'machinery-electronics',
  'electrical-equipment',
  'agro-processing',
  'minerals',
  'services',
  'other',
] as const;
export const PROJECT_NAMES = [
  '村道硬化',
  '小型水库除险加固',
  '学校校舍改造',
  '农贸市场建设',
  '污水管网',
  '文化广场',
  '桥梁维修',
  '自来水改造',
  '路灯安装',
  '工业园区道路',
];
export const MEDIATORS = ['张调解员', '李主任', '王书记', '赵律师', '陈站长'];
export const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰'];
