import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDate } from '../../common/scalars.js';

/** What a signed-in user has to do, computed from the data and the user's role. */
export enum TaskKind {
  PLANS_TO_FIX = 'PLANS_TO_FIX',
  PLANS_TO_SUBMIT = 'PLANS_TO_SUBMIT',
  PLANS_TO_APPROVE = 'PLANS_TO_APPROVE',
  PLANS_TO_FILE = 'PLANS_TO_FILE',
  ADJUSTMENTS_TO_DECIDE = 'ADJUSTMENTS_TO_DECIDE',
  SUMMARY_DUE = 'SUMMARY_DUE',
  SUMMARIES_OVERDUE = 'SUMMARIES_OVERDUE',
  REGISTRATION_CLOSING = 'REGISTRATION_CLOSING',
  CITY_BEHIND_PACE = 'CITY_BEHIND_PACE',
}
registerEnumType(TaskKind, {
  name: 'TaskKind',
  valuesConfig: {
    PLANS_TO_FIX: { description: '被退回待修改的计划' },
    PLANS_TO_SUBMIT: { description: '待提交的草稿计划' },
    PLANS_TO_APPROVE: { description: '待下达的计划' },
    PLANS_TO_FILE: { description: '待备案的计划' },
    ADJUSTMENTS_TO_DECIDE: { description: '待审批的计划调整' },
    SUMMARY_DUE: { description: '本市年度招生工作总结待报送' },
    SUMMARIES_OVERDUE: { description: '逾期未报送的年度总结' },
    REGISTRATION_CLOSING: { description: '学籍注册即将截止、计划尚未招满' },
    CITY_BEHIND_PACE: { description: '招生进度落后于时序' },
  },
});

@ObjectType({ description: '待办事项 (one item of a user’s to-do inbox), linking to the sheet that handles it' })
export class Task {
  @Field(() => ID, { description: 'Stable while the item stands: kind and what it is about' })
  key!: string;

  @Field(() => TaskKind)
  kind!: TaskKind;

  @Field(() => Int, { description: 'Rows waiting (lines, requests, cities)' })
  count!: number;

  @Field(() => String)
  titleZh!: string;

  @Field(() => String)
  titleEn!: string;

  @Field(() => CalendarDate, { nullable: true, description: 'The deadline the item runs against' })
  dueOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Days from today to dueOn; negative when overdue' })
  daysLeft!: number | null;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => ID, { nullable: true })
  cityId!: number | null;

  @Field(() => Float, { nullable: true, description: 'For pace: the share of the year’s target reached' })
  progress!: number | null;

  @Field(() => String, { description: 'The resource whose sheet handles the item (EnrollmentPlan, PlanAdjustment, AnnualSummary ...)' })
  resource!: string;

  @Field(() => String, { description: 'The sheet’s filter, as JSON' })
  filter!: string;
}
