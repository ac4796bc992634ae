/** Province-level divisions of GB/T 2260, for intake origins outside Zhejiang and cross-region partners. */
export const PROVINCES: ReadonlyArray<{ code: string; nameZh: string; nameEn: string }> = [
  { code: '110000', nameZh: '北京市', nameEn: 'Beijing' },
  { code: '120000', nameZh: '天津市', nameEn: 'Tianjin' },
  { code: '130000', nameZh: '河北省', nameEn: 'Hebei' },
  { code: '140000', nameZh: '山西省', nameEn: 'Shanxi' },
  { code: '150000', nameZh: '内蒙古自治区', nameEn: 'Inner Mongolia' },
  { code: '210000', nameZh: '辽宁省', nameEn: 'Liaoning' },
  { code: '220000', nameZh: '吉林省', nameEn: 'Jilin' },
  { code: '230000', nameZh: '黑龙江省', nameEn: 'Heilongjiang' },
  { code: '310000', nameZh: '上海市', nameEn: 'Shanghai' },
  { code: '320000', nameZh: '江苏省', nameEn: 'Jiangsu' },
  { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang' },
  { code: '340000', nameZh: '安徽省', nameEn: 'Anhui' },
  { code: '350000', nameZh: '福建省', nameEn: 'Fujian' },
  { code: '360000', nameZh: '江西省', nameEn: 'Jiangxi' },
  { code: '370000', nameZh: '山东省', nameEn: 'Shandong' },
  { code: '410000', nameZh: '河南省', nameEn: 'Henan' },
  { code: '420000', nameZh: '湖北省', nameEn: 'Hubei' },
  { code: '430000', nameZh: '湖南省', nameEn: 'Hunan' },
  { code: '440000', nameZh: '广东省', nameEn: 'Guangdong' },
  { code: '450000', nameZh: '广西壮族自治区', nameEn: 'Guangxi' },
  { code: '460000', nameZh: '海南省', nameEn: 'Hainan' },
  { code: '500000', nameZh: '重庆市', nameEn: 'Chongqing' },
  { code: '510000', nameZh: '四川省', nameEn: 'Sichuan' },
  { code: '520000', nameZh: '贵州省', nameEn: 'Guizhou' },
  { code: '530000', nameZh: '云南省', nameEn: 'Yunnan' },
  { code: '540000', nameZh: '西藏自治区', nameEn: 'Tibet' },
  { code: '610000', nameZh: '陕西省', nameEn: 'Shaanxi' },
  { code: '620000', nameZh: '甘肃省', nameEn: 'Gansu' },
  { code: '630000', nameZh: '青海省', nameEn: 'Qinghai' },
  { code: '640000', nameZh: '宁夏回族自治区', nameEn: 'Ningxia' },
  { code: '650000', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang' },
  { code: '710000', nameZh: '台湾省', nameEn: 'Taiwan' },
  { code: '810000', nameZh: '香港特别行政区', nameEn: 'Hong Kong' },
  { code: '820000', nameZh: '澳门特别行政区', nameEn: 'Macao' },
];

export const ZHEJIANG_PREFIX = '33';

export const isZhejiangCode = (code: string): boolean => code.startsWith(ZHEJIANG_PREFIX);

export function provinceByCode(code: string) {
  return PROVINCES.find((p) => p.code === code);
}
