import { registerEnumType } from 'type-graphql';

/** What a city is assessed on (绩效考核), each with a weight the province publishes. */
export enum ScoreCriterion {
  COMPLETION = 'COMPLETION',
  ADVANCED_SHARE = 'ADVANCED_SHARE',
  ADVANCED_TREND = 'ADVANCED_TREND',
  SUMMARY_ON_TIME = 'SUMMARY_ON_TIME',
  OUTREACH_VISITS = 'OUTREACH_VISITS',
  OPEN_CASES = 'OPEN_CASES',
}
registerEnumType(ScoreCriterion, {
  name: 'ScoreCriterion',
  valuesConfig: {
    COMPLETION: { description: '年度任务完成率（学制教育招生 / 任务数，至多 100%）' },
    ADVANCED_SHARE: { description: '高级工及以上占比（相对全省最高的设区市）' },
    ADVANCED_TREND: { description: '高级工及以上占比较上年提高' },
    SUMMARY_ON_TIME: { description: '年度招生工作总结按时报送' },
    OUTREACH_VISITS: { description: '赴外省对接活动' },
    OPEN_CASES: { description: '招生秩序：年内受理尚未办结的案件' },
  },
});
