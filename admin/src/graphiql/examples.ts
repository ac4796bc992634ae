import { ANALYST_QUESTIONS } from './analyst-questions';

/** One tab per analyst query, opened on a first visit (GraphiQL keeps the user's tabs after that). */
/** Variables default to 2025 (and Hangzhou for the level mix); override them in the Variables pane. */
export const EXAMPLE_TABS: Array<{ query: string }> = [
  {
    query: `# 先登录：本页会记住返回的令牌，之后的查询自动携带（也可在 Headers 中填写 Authorization: Bearer …）
mutation Login($username: String = "admin", $password: String = "") {
  login(username: $username, password: $password) { token expiresAt user { username } }
}`,
  },
  {
    query: `# 招生进度：各设区市分阶段任务、已下达计划、实际招生（学制教育，技能培训不计入）与完成率；330000 为全省合计
query CampaignProgress($year: Int = 2025, $cityCode: String) {
  campaignProgress(year: $year, cityCode: $cityCode) {
    rows { year cityCode cityName target planned enrolled registered completionRate gap }
    cumulative { cityCode target enrolled completionRate }
  }
}`,
  },
  {
    query: `# 培养层次结构（高级工班、预备技师班占比；falling 表示比上年下降）
query LevelMix($year: Int = 2025, $cityCode: String = "330100", $schoolId: ID) {
  levelMix(year: $year, cityCode: $cityCode, schoolId: $schoolId) {
    year cityCode cityName schoolId schoolName enrolled intermediate advanced preparatoryTechnician
    advancedShare previousAdvancedShare falling
  }
}`,
  },
  {
    query: `# 生源结构：招生对象、学习形式、生源地（本市 / 省内其他市 / 各省外省份）
query SourceMix($year: Int = 2025, $cityCode: String) {
  sourceMix(year: $year, cityCode: $cityCode) {
    year cityCode cityName enrolled skillsTraining outOfProvince outOfProvinceShare
    byTargetGroup { targetGroup students }
    byStudyMode { studyMode students countsTowardTarget }
    byOrigin { origin provinceCode provinceName students }
  }
}`,
  },
  {
    query: `# 校企合作：订单班、冠名班、企业新型学徒制（按设区市、按行业）；跨区域联合培养（按合作省份）
query PartnershipStats($year: Int = 2025, $cityCode: String) {
  partnershipStats(year: $year, cityCode: $cityCode) {
    year cityCode
    byCity { cityCode cityName kind partnerships classes seats enrolled }
    byIndustry { industry kind partnerships classes seats enrolled }
    byPartnerProvince { provinceCode provinceName agreements seats students }
  }
}`,
  },
  {
    query: `# 设区市排名：按完成率排序，附高级工及以上层次占比；不填年度即 2023–2027 累计
query CityRanking($year: Int = 2025) {
  cityRanking(year: $year) { rank year cityCode cityName target enrolled completionRate advancedShare }
}`,
  },
  ...ANALYST_QUESTIONS,
];
