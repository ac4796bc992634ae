import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A count under one key of a breakdown (a level, season, target group, origin code or status)' })
export class CountByKey {
  @Field(() => String) key!: string;
  @Field(() => Int) count!: number;
}

/** Generated from the data on every read (intakes through their trigger-kept subtotals); never stored, so it cannot drift from the plans and intakes. */
@ObjectType({
  description: 'Figures of a city’s year, generated from targets, plans, intakes, order classes, cross-region agreements and the enrollment-order register',
})
export class SummaryFigures {
  @Field(() => Int, { description: 'CampaignTarget seats of the city for the year' }) cityTarget!: number;
  @Field(() => Int, { description: 'Sum of the city schools’ SchoolTarget seats' }) schoolTargets!: number;
  @Field(() => Int, { description: 'Plan lines of the city’s schools (provincial schools count where they stand)' }) planLines!: number;
  @Field(() => Int, { description: 'Planned seats counted toward targets (not skills training)' }) plannedSeats!: number;
  @Field(() => [CountByKey], { description: 'Counted planned seats by workflow status' }) plannedSeatsByStatus!: CountByKey[];
  @Field(() => Int, { description: 'Intakes counted toward targets (学制教育, R1)' }) intakes!: number;
  @Field(() => Int, { description: 'Of `intakes`, students of REPORTED intakes (typed counts with no roster behind them): unverified' })
  intakesUnverified!: number;
  @Field(() => Int, { description: 'Skills-training intakes: reported, never counted (R1)' }) skillsTrainingIntakes!: number;
  @Field(() => Int, { description: 'Of `skillsTrainingIntakes`, students of REPORTED intakes: unverified' }) skillsTrainingIntakesUnverified!: number;
  @Field(() => [CountByKey]) intakesByLevel!: CountByKey[];
  @Field(() => [CountByKey]) intakesBySeason!: CountByKey[];
  @Field(() => [CountByKey]) intakesByTargetGroup!: CountByKey[];
  @Field(() => [CountByKey], { description: 'By origin code: a Zhejiang city (33xx00) or another province (xx0000)' }) intakesByOrigin!: CountByKey[];
  @Field(() => Int, { description: 'Counted intakes from another Zhejiang city (only provincial technician colleges may, R7)' }) crossCityIntakes!: number;
  @Field(() => Int, { description: 'Counted intakes from other provinces' }) otherProvinceIntakes!: number;
  @Field(() => Int, { description: 'Order and named classes of the city’s schools for the year' }) orderClasses!: number;
  @Field(() => Int) orderClassSeats!: number;
  @Field(() => Int) orderClassEnrolled!: number;
  @Field(() => Int, { description: 'Cross-region agreements of the city signed in the year' }) crossRegionAgreements!: number;
  @Field(() => Int) crossRegionSeats!: number;
  @Field(() => Int, { description: '招生秩序: register cases of the city received in the year' }) disciplineCases!: number;
  @Field(() => [CountByKey], { description: 'Register cases of the year by kind' }) disciplineCasesByKind!: CountByKey[];
  @Field(() => [CountByKey], { description: 'Register cases of the year by status (OPEN, VERIFIED, DISMISSED, REFERRED)' })
  disciplineCasesByStatus!: CountByKey[];
}
