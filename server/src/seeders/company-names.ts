import { Industry } from '../modules/company/industry.js';

/** Trade names (字号) for demo companies; invented, two characters each. */
export const TRADE_NAMES = [
  '恒远', '华信', '宏达', '永盛', '中创', '金鼎', '瑞丰', '天成', '新港', '东升', '星河', '锦程', '海纳', '远航', '博远', '德润',
  '嘉禾', '康源', '立信', '明泰', '润泽', '盛世', '腾飞', '万和', '兴业', '亿达', '卓越', '振华', '众联', '鑫源', '安泰', '百川',
  '长兴', '诚达', '大禹', '富春', '光华', '国泰', '汇丰', '佳美', '建业', '凯越', '蓝海', '利民', '隆鑫', '美达', '南湖',
  '鹏程', '启明', '青山', '荣盛', '三江', '顺发', '泰和', '同创', '威达', '协力', '信诚', '宇航', '悦来', '正大', '之江', '智联',
];

/** What a company of an industry makes or does, as it appears in its registered name, and the name's ending. */
export const INDUSTRY_WORDS: Record<Industry, { cores: string[]; endings: string[] }> = {
  [Industry.NEW_GENERATION_IT]: { cores: ['微电子', '光电科技', '智能传感', '网络通信', '集成电路', '安防科技', '光伏科技', '电子元件'], endings: ['有限公司', '股份有限公司'] },
  [Industry.HIGH_END_EQUIPMENT]: { cores: ['精密机械', '数控机床', '智能装备', '汽车零部件', '电机', '液压设备', '机器人', '船舶重工', '电气'], endings: ['有限公司', '股份有限公司', '集团有限公司'] },
  [Industry.MODERN_CONSUMER_HEALTH]: { cores: ['纺织', '服饰', '家居', '生物医药', '医疗器械', '食品', '家用电器', '化妆品'], endings: ['有限公司', '股份有限公司'] },
  [Industry.GREEN_PETROCHEMICAL_MATERIALS]: { cores: ['新材料', '化工', '石化', '高分子材料', '化纤', '磁性材料'], endings: ['有限公司', '股份有限公司'] },
  [Industry.EMERGING_MANUFACTURING]: { cores: ['人工智能', '北斗导航', '氢能科技', '储能科技', '航空科技', '生物制造'], endings: ['有限公司'] },
  [Industry.DIGITAL_ECONOMY]: { cores: ['数字科技', '网络科技', '云计算', '大数据', '电子商务', '软件'], endings: ['有限公司'] },
  [Industry.MODERN_AGRICULTURE]: { cores: ['农业发展', '茶业', '生态农业', '种业', '水产养殖', '农机'], endings: ['有限公司'] },
  [Industry.MODERN_SERVICES]: { cores: ['物流', '酒店管理', '养老服务', '物业服务', '餐饮管理', '旅游发展', '汽车服务'], endings: ['有限公司'] },
  [Industry.OTHER]: { cores: ['建设工程', '建材', '印刷包装'], endings: ['有限公司'] },
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

/** Catalogue categories (专业类别) whose graduates a company of an industry takes into its order classes. */
export const INDUSTRY_CATEGORIES: Record<Industry, string[]> = {
  [Industry.NEW_GENERATION_IT]: ['电工电子类', '信息类'],
  [Industry.HIGH_END_EQUIPMENT]: ['机械类', '电工电子类', '交通类'],
  [Industry.MODERN_CONSUMER_HEALTH]: ['轻工类', '服务类', '文化艺术类'],
  [Industry.GREEN_PETROCHEMICAL_MATERIALS]: ['化工类', '机械类'],
  [Industry.EMERGING_MANUFACTURING]: ['机械类', '电工电子类', '信息类'],
  [Industry.DIGITAL_ECONOMY]: ['信息类', '财经商贸类'],
  [Industry.MODERN_AGRICULTURE]: ['农业类', '财经商贸类'],
  [Industry.MODERN_SERVICES]: ['服务类', '财经商贸类', '交通类', '教育类'],
  [Industry.OTHER]: ['建筑类', '轻工类'],
};
