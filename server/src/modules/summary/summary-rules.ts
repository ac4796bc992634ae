import { ruleViolation } from '../../common/errors.js';
import { SummaryStatus } from './summary.enums.js';

/** R10: "各设区市人力社保局于每年11月30日前将招生工作总结报省人力社保厅". */
export const summaryDueOn = (year: number): string => `${year}-11-30`;

export function summaryStatus(year: number, submittedOn: string | null, today: string): SummaryStatus {
  if (submittedOn) return SummaryStatus.SUBMITTED;
  return today <= summaryDueOn(year) ? SummaryStatus.DUE : SummaryStatus.OVERDUE;
}

interface Submittable {
  id: number;
  year: number;
  submittedOn: string | null;
  problems: string | null;
  nextYearMeasures: string | null;
}

/** R10: a summary is submitted once, with its narrative written, and not before its year has begun. */
export function assertSubmittable(summary: Submittable, today: string): void {
  if (summary.submittedOn) {
    throw ruleViolation(
      'R10',
      `${summary.year}年度招生工作总结已于 ${summary.submittedOn} 报送`,
      `the ${summary.year} summary was already submitted on ${summary.submittedOn}`,
    );
  }
  if (today < `${summary.year}-01-01`) {
    throw ruleViolation('R10', `${summary.year}年尚未开始，不能报送该年度总结`, `${summary.year} has not begun; its summary cannot be submitted yet`, 'year');
  }
  if (!summary.problems?.trim()) {
    throw ruleViolation('R10', '报送前请填写“存在的问题”', 'write the problems section before submitting', 'problems');
  }
  if (!summary.nextYearMeasures?.trim()) {
    throw ruleViolation('R10', '报送前请填写“下一年度工作举措”', 'write next year’s measures before submitting', 'nextYearMeasures');
  }
}
