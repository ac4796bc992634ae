/** A county-level division (区, 县级市, 县) with its GB/T 2260 code. */
export interface County {
  name: string;
  code: string;
}

/** Districts, county-level cities and counties per city code (GB/T 2260), for school names and registration authorities. */
export const COUNTIES: Record<string, County[]> = {
  '330100': [
    { name: '上城区', code: '330102' }, { name: '拱墅区', code: '330105' }, { name: '西湖区', code: '330106' }, { name: '滨江区', code: '330108' },
    { name: '萧山区', code: '330109' }, { name: '余杭区', code: '330110' }, { name: '富阳区', code: '330111' }, { name: '临安区', code: '330112' },
    { name: '临平区', code: '330113' }, { name: '钱塘区', code: '330114' }, { name: '桐庐县', code: '330122' }, { name: '淳安县', code: '330127' },
    { name: '建德市', code: '330182' },
  ],
  '330200': [
    { name: '海曙区', code: '330203' }, { name: '江北区', code: '330205' }, { name: '北仑区', code: '330206' }, { name: '镇海区', code: '330211' },
    { name: '鄞州区', code: '330212' }, { name: '奉化区', code: '330213' }, { name: '象山县', code: '330225' }, { name: '宁海县', code: '330226' },
    { name: '余姚市', code: '330281' }, { name: '慈溪市', code: '330282' },
  ],
  '330300': [
    { name: '鹿城区', code: '330302' }, { name: '龙湾区', code: '330303' }, { name: '瓯海区', code: '330304' }, { name: '洞头区', code: '330305' },
    { name: '永嘉县', code: '330324' }, { name: '平阳县', code: '330326' }, { name: '苍南县', code: '330327' }, { name: '文成县', code: '330328' },
    { name: '泰顺县', code: '330329' }, { name: '瑞安市', code: '330381' }, { name: '乐清市', code: '330382' }, { name: '龙港市', code: '330383' },
  ],
  '330400': [
    { name: '南湖区', code: '330402' }, { name: '秀洲区', code: '330411' }, { name: '嘉善县', code: '330421' }, { name: '海盐县', code: '330424' },
    { name: '海宁市', code: '330481' }, { name: '平湖市', code: '330482' }, { name: '桐乡市', code: '330483' },
  ],
  '330500': [
    { name: '吴兴区', code: '330502' }, { name: '南浔区', code: '330503' }, { name: '德清县', code: '330521' }, { name: '长兴县', code: '330522' },
    { name: '安吉县', code: '330523' },
  ],
  '330600': [
    { name: '越城区', code: '330602' }, { name: '柯桥区', code: '330603' }, { name: '上虞区', code: '330604' }, { name: '新昌县', code: '330624' },
    { name: '诸暨市', code: '330681' }, { name: '嵊州市', code: '330683' },
  ],
  '330700': [
    { name: '婺城区', code: '330702' }, { name: '金东区', code: '330703' }, { name: '武义县', code: '330723' }, { name: '浦江县', code: '330726' },
    { name: '磐安县', code: '330727' }, { name: '兰溪市', code: '330781' }, { name: '义乌市', code: '330782' }, { name: '东阳市', code: '330783' },
    { name: '永康市', code: '330784' },
  ],
  '330800': [
    { name: '柯城区', code: '330802' }, { name: '衢江区', code: '330803' }, { name: '常山县', code: '330822' }, { name: '开化县', code: '330824' },
    { name: '龙游县', code: '330825' }, { name: '江山市', code: '330881' },
  ],
  '330900': [{ name: '定海区', code: '330902' }, { name: '普陀区', code: '330903' }, { name: '岱山县', code: '330921' }, { name: '嵊泗县', code: '330922' }],
  '331000': [
    { name: '椒江区', code: '331002' }, { name: '黄岩区', code: '331003' }, { name: '路桥区', code: '331004' }, { name: '三门县', code: '331022' },
    { name: '天台县', code: '331023' }, { name: '仙居县', code: '331024' }, { name: '温岭市', code: '331081' }, { name: '临海市', code: '331082' },
    { name: '玉环市', code: '331083' },
  ],
  '331100': [
    { name: '莲都区', code: '331102' }, { name: '青田县', code: '331121' }, { name: '缙云县', code: '331122' }, { name: '遂昌县', code: '331123' },
    { name: '松阳县', code: '331124' }, { name: '云和县', code: '331125' }, { name: '庆元县', code: '331126' }, { name: '景宁畲族自治县', code: '331127' },
    { name: '龙泉市', code: '331181' },
  ],
};

/**
 * The place part of a county school's name: a district keeps its city ("宁波市鄞州区"), a county-level
 * city or county stands alone ("余姚市", "景宁畲族自治县"), never "宁波市余姚市".
 */
export const schoolPlace = (cityNameZh: string, county: County): string => (county.name.endsWith('区') ? `${cityNameZh}${county.name}` : county.name);

/** Trades that name technician colleges (杭州轻工技师学院, 宁波交通技师学院 ...), with the catalogue categories they teach most. */
export const TRADES: Record<string, string[]> = {
  轻工: ['轻工类', '文化艺术类'],
  交通: ['交通类', '机械类'],
  机电: ['机械类', '电工电子类'],
  信息: ['信息类', '电工电子类'],
  建设: ['建筑类', '文化艺术类'],
  商贸: ['财经商贸类', '信息类'],
  工业: ['机械类', '电工电子类', '化工类'],
  电子: ['电工电子类', '信息类'],
  汽车: ['交通类', '机械类'],
  财经: ['财经商贸类', '信息类'],
  旅游: ['服务类', '财经商贸类'],
  现代服务: ['服务类', '教育类', '财经商贸类'],
};

/** Provincial (省属) schools, the city they stand in, and their trade. */
export const PROVINCIAL_SCHOOLS: ReadonlyArray<{ name: string; cityCode: string; trade: string }> = [
  { name: '浙江交通技师学院', cityCode: '330700', trade: '交通' },
  { name: '浙江建设技师学院', cityCode: '330100', trade: '建设' },
  { name: '浙江工业技师学院', cityCode: '330100', trade: '工业' },
  { name: '浙江商业技师学院', cityCode: '330700', trade: '商贸' },
  { name: '浙江机电技师学院', cityCode: '330200', trade: '机电' },
];

/**
 * Majors of a city's own industries (纺织 in 绍兴, 船舶 in 舟山, 五金 in 永康/金华, 鞋 in 温州, 茶 in 丽水 and
 * 杭州), by major code: taught only in these cities, and offered there more often than the rest.
 */
export const CITY_MAJORS: Record<string, string[]> = {
  '330100': ['0810', '1104'],
  '330300': ['0502'],
  '330600': ['0506', '0507'],
  '330700': ['0117'],
  '330900': ['0410', '0411'],
  '331100': ['0810', '1104'],
};
