import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PartnershipKind } from '../partnership/partnership.enums.js';
import { Industry } from '../company/industry.js';

@ObjectType({ description: '校企合作 of one kind in one city (or the province, 330000)' })
export class PartnershipCityRow {
  @Field(() => String) cityCode!: string;
  @Field(() => String) cityName!: string;
  @Field(() => PartnershipKind) kind!: PartnershipKind;
  @Field(() => Int, { description: 'Partnerships in force in the year (all when no year)' }) partnerships!: number;
  @Field(() => Int, { description: 'Order and named classes of the year' }) classes!: number;
  @Field(() => Int, { description: 'Seats of those classes' }) seats!: number;
  @Field(() => Int, { description: 'Students enrolled in those classes' }) enrolled!: number;
}

@ObjectType({ description: '校企合作 of one kind with companies of one industry' })
export class PartnershipIndustryRow {
  @Field(() => Industry) industry!: Industry;
  @Field(() => PartnershipKind) kind!: PartnershipKind;
  @Field(() => Int) partnerships!: number;
  @Field(() => Int) classes!: number;
  @Field(() => Int) seats!: number;
  @Field(() => Int) enrolled!: number;
}

@ObjectType({ description: '跨区域联合培养 with one partner province' })
export class CrossRegionProvinceRow {
  @Field(() => String) provinceCode!: string;
  @Field(() => String, { nullable: true }) provinceName!: string | null;
  @Field(() => Int, { description: 'Agreements signed in the year (all when no year)' }) agreements!: number;
  @Field(() => Int) seats!: number;
  @Field(() => Int, { description: 'Students enrolled under those agreements' }) students!: number;
}

@ObjectType({ description: '校企合作与跨区域联合培养统计' })
export class PartnershipStats {
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => String, { description: 'The city asked for (the school’s city for a school), or 330000 for the province' }) cityCode!: string;
  @Field(() => ID, { nullable: true, description: 'The school asked for: the figures are then that school’s alone' }) schoolId!: string | null;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
  @Field(() => [PartnershipCityRow], { description: 'Every kind for each city in scope, then the province (330000) when no city is given' })
  byCity!: PartnershipCityRow[];
  @Field(() => [PartnershipIndustryRow], { description: 'Industries and kinds that have partnerships or classes' }) byIndustry!: PartnershipIndustryRow[];
  @Field(() => [CrossRegionProvinceRow]) byPartnerProvince!: CrossRegionProvinceRow[];
}
