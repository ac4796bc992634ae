import { registerEnumType } from 'type-graphql';

/** R10: a city's yearly summary against the 30 November deadline. */
export enum SummaryStatus {
  SUBMITTED = 'SUBMITTED',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(SummaryStatus, {
  name: 'SummaryStatus',
  valuesConfig: { SUBMITTED: { description: '已报送' }, DUE: { description: '待报送' }, OVERDUE: { description: '已逾期' } },
});
