/**
 * Cost of each analyst query for the query limits, on top of its fields: each one aggregates the
 * whole intake table (tens of milliseconds on the benchmark province), so an operation may carry a
 * handful of them but not hundreds.
 */
export const ANALYTICS_QUERY_COSTS: Record<string, number> = {
  'Query.campaignProgress': 5000,
  'Query.levelMix': 5000,
  'Query.sourceMix': 5000,
  'Query.cityRanking': 5000,
  'Query.partnershipStats': 5000,
};

/** Most rows an analyst list returns: 11 cities + the province over 5 years, or a city's schools. */
export const ANALYTICS_LIST_SIZE = 60;
