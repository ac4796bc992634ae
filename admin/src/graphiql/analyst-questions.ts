/**
 * Ten questions analysts ask of the notice's campaign, each one grouped query (`aggregateX`): a tab each
 * in the explorer, whose CSV button exports the groups. `test/api/analyst-questions.test.ts` runs them.
 * 学制教育 only where the notice counts students (技能培训 never counts, R1).
 */
export const ANALYST_QUESTIONS: Array<{ query: string }> = [
  {
    query: `# 问题 1：各设区市、各年度的培养层次结构（高级工班、预备技师班占比）
query LevelShareByCityAndYear {
  aggregateIntakes(
    where: { plan: { program: { studyMode: { ne: SKILLS_TRAINING } } } }
    groupBy: [PLAN_SCHOOL_CITY, PLAN_YEAR, PLAN_PROGRAM_LEVEL]
  ) {
    key { planSchoolCity { code nameZh } planYear planProgramLevel }
    sum { count }
  }
}`,
  },
  {
    query: `# 问题 2：跨区域联合培养——按合作省份的协议数、招生人数与已招人数
query CrossRegionByPartnerProvince {
  aggregateCrossRegionAgreements(groupBy: [PARTNER_PROVINCE_CODE], orderBy: [{ field: SUM_SEATS, direction: DESC }]) {
    key { partnerProvinceCode }
    count
    sum { seats enrolled }
  }
}`,
  },
  {
    query: `# 问题 3：订单班人数按企业行业（“415X”先进制造业集群等）
query OrderClassSeatsByIndustry($year: Int = 2025) {
  aggregateOrderClasses(where: { year: { eq: $year } }, groupBy: [PARTNERSHIP_COMPANY_INDUSTRY], orderBy: [{ field: SUM_SEATS, direction: DESC }]) {
    key { partnershipCompanyIndustry }
    count
    sum { seats enrolled }
  }
}`,
  },
  {
    query: `# 问题 4：各专业大类、各设区市的招生人数
query IntakesByMajorCategoryAndCity($year: Int = 2025) {
  aggregateIntakes(
    where: { plan: { year: { eq: $year }, program: { studyMode: { ne: SKILLS_TRAINING } } } }
    groupBy: [PLAN_PROGRAM_MAJOR_CATEGORY, PLAN_SCHOOL_CITY]
  ) {
    key { planProgramMajorCategory planSchoolCity { code nameZh } }
    sum { count }
  }
}`,
  },
  {
    query: `# 问题 5：省外生源——按生源省份和就读设区市
query OutOfProvinceOrigins($year: Int = 2025) {
  aggregateIntakes(
    where: { plan: { year: { eq: $year } }, not: { originCode: { startsWith: "33" } } }
    groupBy: [ORIGIN_CODE, PLAN_SCHOOL_CITY]
    orderBy: [{ field: SUM_COUNT, direction: DESC }]
  ) {
    key { originCode planSchoolCity { nameZh } }
    sum { count }
  }
}`,
  },
  {
    query: `# 问题 6：招生对象结构（应届初中、高中毕业生，往届生，企业职工，失业人员……）逐年变化
query TargetGroupsByYear {
  aggregateIntakes(where: { plan: { program: { studyMode: { ne: SKILLS_TRAINING } } } }, groupBy: [PLAN_YEAR, TARGET_GROUP]) {
    key { planYear targetGroup }
    count
    sum { count }
  }
}`,
  },
  {
    query: `# 问题 7：招生计划下达情况——各设区市按状态的计划数与计划人数
query PlanSeatsByCityAndStatus($year: Int = 2025) {
  aggregateEnrollmentPlans(where: { year: { eq: $year } }, groupBy: [SCHOOL_CITY, STATUS]) {
    key { schoolCity { code nameZh } status }
    count
    sum { seats }
  }
}`,
  },
  {
    query: `# 问题 8：年度招生不足 100 人的学校（从少到多）
query SchoolsUnder100($year: Int = 2025) {
  aggregateIntakes(
    where: { plan: { year: { eq: $year }, program: { studyMode: { ne: SKILLS_TRAINING } } } }
    groupBy: [PLAN_SCHOOL]
    having: { sum: { count: { lt: 100 } } }
    orderBy: [{ field: SUM_COUNT }]
  ) {
    key { planSchool { name city { nameZh } } }
    sum { count }
  }
}`,
  },
  {
    query: `# 问题 9：省属院校与市属院校的分层次招生
query ProvincialSchoolsByLevel($year: Int = 2025) {
  aggregateIntakes(
    where: { plan: { year: { eq: $year }, program: { studyMode: { ne: SKILLS_TRAINING } } } }
    groupBy: [PLAN_SCHOOL_PROVINCIAL, PLAN_PROGRAM_LEVEL]
  ) {
    key { planSchoolProvincial planProgramLevel }
    sum { count }
  }
}`,
  },
  {
    query: `# 问题 10：学习形式（全日制、非全日制、技能培训）按设区市，平均每条记录人数
query StudyModeByCity($year: Int = 2025) {
  aggregateIntakes(where: { plan: { year: { eq: $year } } }, groupBy: [PLAN_SCHOOL_CITY, PLAN_PROGRAM_STUDY_MODE]) {
    key { planSchoolCity { code nameZh } planProgramStudyMode }
    count
    sum { count }
    avg { count }
  }
}`,
  },
];
