import { Industry } from '../modules/company/industry.js';

/** Trade names (字号) for demo companies; invented, two characters each, none of them a place in Zhejiang. */
export const TRADE_NAMES = [
  '恒远',
  '华信',
  '宏达',
  '永盛',
  '中创',
  '金鼎',
  '瑞丰',
  '天成',
  '新港',
  '东升',
  '星河',
  '锦程',
  '海纳',
  '远航',
  '博远',
  '德润',
  '嘉禾',
  '康源',
  '立信',
  '明泰',
  '润泽',
  '盛世',
  '腾飞',
  '万和',
  '兴业',
  '亿达',
  '卓越',
  '振华',
  '众联',
  '鑫源',
  '安泰',
  '百川',
  '诚达',
  '大禹',
  '光华',
  '国泰',
  '汇丰',
  '佳美',
  '建业',
  '凯越',
  '蓝海',
  '利民',
  '隆鑫',
  '美达',
  '鹏程',
  '启明',
  '青山',
  '荣盛',
  '顺发',
  '泰和',
  '同创',
  '威达',
  '协力',
  '信诚',
  '宇航',
  '悦来',
  '正大',
  '智联',
];

/**
 * What a company makes or does, as written in its registered name (`name`), the word its short name
 * keeps (`short`, a whole word), and the catalogue categories whose graduates it takes into order classes.
 */
export interface Business {
  name: string;
  short: string;
  categories: string[];
}

const business = (name: string, short: string, ...categories: string[]): Business => ({ name, short, categories });

/** The businesses of each industry and the endings of their registered names. */
export const INDUSTRY_WORDS: Record<Industry, { businesses: Business[]; endings: string[] }> = {
  [Industry.NEW_GENERATION_IT]: {
    businesses: [
      business('微电子', '微电子', '电工电子类'),
      business('光电科技', '光电', '电工电子类'),
      business('智能传感', '传感', '电工电子类', '信息类'),
      business('网络通信', '通信', '信息类'),
      business('集成电路', '芯片', '电工电子类'),
      business('安防科技', '安防', '信息类', '电工电子类'),
      business('电子元件', '电子', '电工电子类'),
    ],
    endings: ['有限公司', '股份有限公司'],
  },
  [Industry.HIGH_END_EQUIPMENT]: {
    businesses: [
      business('精密机械', '精机', '机械类'),
      business('数控机床', '机床', '机械类'),
      business('智能装备', '装备', '机械类', '电工电子类'),
      business('汽车零部件', '汽配', '机械类', '交通类'),
      business('电机', '电机', '电工电子类'),
      business('液压设备', '液压', '机械类'),
      business('机器人', '机器人', '机械类', '电工电子类'),
      business('船舶重工', '船舶', '交通类', '机械类'),
      business('电气', '电气', '电工电子类'),
      business('五金工具', '五金', '机械类'),
    ],
    endings: ['有限公司', '股份有限公司', '集团有限公司'],
  },
  [Industry.MODERN_CONSUMER_HEALTH]: {
    businesses: [
      business('纺织', '纺织', '轻工类'),
      business('服饰', '服饰', '轻工类', '文化艺术类'),
      business('家居', '家居', '文化艺术类', '轻工类'),
      business('食品', '食品', '轻工类'),
      business('家用电器', '电器', '电工电子类'),
      business('化妆品', '美妆', '服务类'),
      business('鞋业', '鞋业', '轻工类'),
    ],
    endings: ['有限公司', '股份有限公司'],
  },
  [Industry.GREEN_PETROCHEMICAL_MATERIALS]: {
    businesses: [
      business('新材料', '材料', '化工类'),
      business('化工', '化工', '化工类'),
      business('石化', '石化', '化工类', '机械类'),
      business('高分子材料', '高分子', '化工类'),
      business('化纤', '化纤', '化工类', '轻工类'),
      business('磁性材料', '磁材', '化工类'),
    ],
    endings: ['有限公司', '股份有限公司'],
  },
  [Industry.EMERGING_MANUFACTURING]: {
    businesses: [
      business('北斗导航', '北斗', '信息类', '电工电子类'),
      business('氢能科技', '氢能', '化工类', '机械类'),
      business('储能科技', '储能', '电工电子类'),
      business('航空科技', '航空', '交通类', '机械类'),
      business('新能源汽车', '新能源', '交通类'),
    ],
    endings: ['有限公司'],
  },
  [Industry.DIGITAL_ECONOMY]: {
    businesses: [
      business('数字科技', '数科', '信息类'),
      business('网络科技', '网络', '信息类'),
      business('云计算', '云计算', '信息类'),
      business('大数据', '数据', '信息类'),
      business('电子商务', '电商', '信息类', '财经商贸类'),
      business('软件', '软件', '信息类'),
    ],
    endings: ['有限公司'],
  },
  [Industry.MODERN_AGRICULTURE]: {
    businesses: [
      business('农业发展', '农业', '农业类'),
      business('茶业', '茶业', '农业类', '服务类'),
      business('生态农业', '农业', '农业类'),
      business('种业', '种业', '农业类'),
      business('农机', '农机', '农业类', '机械类'),
    ],
    endings: ['有限公司'],
  },
  [Industry.MODERN_SERVICES]: {
    businesses: [
      business('物流', '物流', '财经商贸类'),
      business('酒店管理', '酒店', '服务类'),
      business('养老服务', '养老', '服务类'),
      business('餐饮管理', '餐饮', '服务类'),
      business('旅游发展', '旅游', '服务类'),
      business('汽车服务', '汽服', '交通类'),
      business('幼教服务', '幼教', '教育类'),
    ],
    endings: ['有限公司'],
  },
  [Industry.OTHER]: {
    businesses: [business('建设工程', '建设', '建筑类'), business('装饰工程', '装饰', '建筑类', '文化艺术类'), business('印刷包装', '印刷', '轻工类')],
    endings: ['有限公司'],
  },
};

/** Rough industry mix of the demo companies; manufacturing clusters first, as in the notice. */
export const INDUSTRY_WEIGHTS: ReadonlyArray<[Industry, number]> = [
  [Industry.HIGH_END_EQUIPMENT, 24],
  [Industry.NEW_GENERATION_IT, 14],
  [Industry.MODERN_CONSUMER_HEALTH, 14],
  [Industry.GREEN_PETROCHEMICAL_MATERIALS, 8],
  [Industry.EMERGING_MANUFACTURING, 6],
  [Industry.DIGITAL_ECONOMY, 12],
  [Industry.MODERN_AGRICULTURE, 6],
  [Industry.MODERN_SERVICES, 13],
  [Industry.OTHER, 3],
];
