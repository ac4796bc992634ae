import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** The description of every `unverified` figure beside a total of students. */
export const UNVERIFIED =
  'Of `enrolled`, students of REPORTED intakes (typed counts with no roster behind them): unverified. The rest are students on a roster (ROSTER intakes)';

@ObjectType({ description: '招生进度: one city (or the province, 330000) in one campaign year' })
export class CampaignProgressRow {
  @Field(() => Int) year!: number;
  @Field(() => String, { description: 'City code, or 330000 for the province row' }) cityCode!: string;
  @Field(() => String) cityName!: string;
  @Field(() => ID, { nullable: true, description: 'Set when one school was asked for' }) schoolId!: string | null;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
  @Field(() => Int, { description: 'Seats of the task table (分阶段任务); for one school, its share (任务分解, SchoolTarget)' }) target!: number;
  @Field(() => Int, { description: 'Seats of APPROVED and FILED plan lines, 学制教育 only (R1)' }) planned!: number;
  @Field(() => Int, { description: 'Students of intakes, 学制教育 only: SKILLS_TRAINING never counts (R1)' }) enrolled!: number;
  @Field(() => Int, { description: 'Of `enrolled`, students whose 学籍 registration date is today or earlier (China Standard Time)' }) registered!: number;
  @Field(() => Int, { description: UNVERIFIED }) unverified!: number;
  @Field(() => Float, { nullable: true, description: 'enrolled / target' }) completionRate!: number | null;
  @Field(() => Int, { description: 'target − enrolled (negative when exceeded)' }) gap!: number;
}

@ObjectType({ description: '累计进度 over the campaign years 2023–2027' })
export class CampaignCumulative {
  @Field(() => String, { description: 'City code, or 330000 for the province' }) cityCode!: string;
  @Field(() => ID, { nullable: true, description: 'Set when one school was asked for' }) schoolId!: string | null;
  @Field(() => Int, { description: 'Province: 600,000 (R1); a city: its five-year task total; a school: its five-year share' }) target!: number;
  @Field(() => Int) enrolled!: number;
  @Field(() => Int, { description: UNVERIFIED }) unverified!: number;
  @Field(() => Float, { nullable: true }) completionRate!: number | null;
}

@ObjectType()
export class CampaignProgress {
  @Field(() => [CampaignProgressRow]) rows!: CampaignProgressRow[];
  @Field(() => CampaignCumulative) cumulative!: CampaignCumulative;
}

@ObjectType({ description: '培养层次结构 (R2): enrolled by level for the province, a city or a school in one year' })
export class LevelMixRow {
  @Field(() => Int) year!: number;
  @Field(() => String, { description: 'City code, or 330000 for the province row' }) cityCode!: string;
  @Field(() => String) cityName!: string;
  @Field(() => ID, { nullable: true, description: 'Set on a school row' }) schoolId!: string | null;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
  @Field(() => Int, { description: '学制教育 students (R1)' }) enrolled!: number;
  @Field(() => Int, { description: UNVERIFIED }) unverified!: number;
  @Field(() => Int, { description: '中级工' }) intermediate!: number;
  @Field(() => Int, { description: '高级工' }) advanced!: number;
  @Field(() => Int, { description: '预备技师（技师）' }) preparatoryTechnician!: number;
  @Field(() => Float, { nullable: true, description: '(advanced + preparatoryTechnician) / enrolled' }) advancedShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'The same share in the year before' }) previousAdvancedShare!: number | null;
  @Field(() => Boolean, { description: 'The share dropped from the year before (R2)' }) falling!: boolean;
}
