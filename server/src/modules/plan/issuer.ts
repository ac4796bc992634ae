import { Field, ObjectType } from 'type-graphql';
import { issuerCodeOf } from './plan-rules.js';

/** R4: the authority that issues (下达) a plan line. */
@ObjectType({ description: '计划下达机关 (issuing authority, R4)' })
export class Issuer {
  @Field(() => String, { description: '330000 for the province, otherwise the city code' })
  code!: string;

  @Field(() => String)
  nameZh!: string;

  @Field(() => String)
  nameEn!: string;
}

export function issuerOf(school: { provincial: boolean }, city: { code: string; nameZh: string; nameEn: string }): Issuer {
  const code = issuerCodeOf({ provincial: school.provincial, city });
  if (school.provincial) {
    return { code, nameZh: '浙江省人力资源和社会保障厅', nameEn: 'Zhejiang Provincial Department of Human Resources and Social Security' };
  }
  return { code, nameZh: `${city.nameZh}人力资源和社会保障局`, nameEn: `${city.nameEn} Human Resources and Social Security Bureau` };
}
