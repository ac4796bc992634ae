/** The analyst queries measured, each in the form an analyst sends most: the whole province, one year, one city. */
export const BENCH_QUERIES: Array<{ name: string; query: string }> = [
  {
    name: 'campaignProgress (all years)',
    query:
      '{ campaignProgress { rows { year cityCode target planned enrolled registered completionRate gap } cumulative { target enrolled completionRate } } }',
  },
  {
    name: 'campaignProgress(year)',
    query: '{ campaignProgress(year: 2025) { rows { year cityCode target planned enrolled registered completionRate gap } cumulative { target enrolled } } }',
  },
  {
    name: 'campaignProgress(cityCode)',
    query: '{ campaignProgress(cityCode: "330100") { rows { year target planned enrolled registered gap } cumulative { target enrolled } } }',
  },
  { name: 'levelMix (all years)', query: '{ levelMix { year cityCode enrolled intermediate advanced preparatoryTechnician advancedShare falling } }' },
  { name: 'levelMix(year, cityCode)', query: '{ levelMix(year: 2025, cityCode: "330100") { schoolId enrolled advancedShare previousAdvancedShare falling } }' },
  { name: 'levelMix(schoolId)', query: '{ levelMix(schoolId: "1") { year enrolled advancedShare falling } }' },
  {
    name: 'sourceMix (all years)',
    query:
      '{ sourceMix { year cityCode enrolled skillsTraining outOfProvinceShare byTargetGroup { targetGroup students } byStudyMode { studyMode students } byOrigin { origin provinceCode students } } }',
  },
  {
    name: 'sourceMix(year)',
    query:
      '{ sourceMix(year: 2025) { cityCode enrolled outOfProvinceShare byTargetGroup { targetGroup students } byStudyMode { studyMode students } byOrigin { origin provinceCode students } } }',
  },
  {
    name: 'partnershipStats (all years)',
    query:
      '{ partnershipStats { byCity { cityCode kind partnerships classes seats enrolled } byIndustry { industry kind partnerships classes seats } byPartnerProvince { provinceCode agreements seats students } } }',
  },
  {
    name: 'partnershipStats(year)',
    query:
      '{ partnershipStats(year: 2025) { byCity { cityCode kind partnerships classes seats enrolled } byIndustry { industry kind classes } byPartnerProvince { provinceCode agreements students } } }',
  },
  { name: 'cityRanking (campaign)', query: '{ cityRanking { rank cityCode completionRate advancedShare } }' },
  { name: 'cityRanking(year)', query: '{ cityRanking(year: 2025) { rank cityCode completionRate advancedShare } }' },
];
