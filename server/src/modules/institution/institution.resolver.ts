import { defineQueries } from '../../common/query-reach.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { readScope } from '../../auth/scope.js';
import { badInput } from '../../common/errors.js';
import { textMatchOperator } from '../../common/filters.js';
import { readRows, type EntityRow } from '../../read/rows.js';
import { selectedPropsOn } from '../../read/selection.js';
import type { ResourceDef } from '../../common/resource.js';
import { schoolResource } from '../school/school.resource.js';
import { companyResource } from '../company/company.resource.js';
import { Institution } from './institution.type.js';

/** The most institutions one call returns; the default when `perPage` is absent. */
export const MAX_INSTITUTIONS = 200;
const DEFAULT_INSTITUTIONS = 50;
const MAX_NAME_LENGTH = 100;

/** One type's rows of a city, in the reader's scope, by name, with their type named for the interface. */
async function rowsOf(ctx: Context, info: GraphQLResolveInfo, def: ResourceDef, cityCode: string, name: string | null, limit: number): Promise<EntityRow[]> {
  const scope = readScope(def, ctx.actor);
  const where = [{ city: { code: cityCode } }, ...(name ? [{ name: { [textMatchOperator(ctx.em)]: `%${name}%` } }] : []), ...(scope ? [scope] : [])];
  const rows = await readRows(ctx.em, def.entity, { $and: where }, { props: selectedPropsOn(def, info, ['name']), orderBy: [{ name: 'ASC' }], limit });
  return rows.map((row) => ({ ...row, __typename: def.name }));
}

/** Schools and companies of one city, each in the reader's scope (common/query-reach.ts). */
export const institutionQueries = defineQueries({ institutions: 'rows' });

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => [Institution], {
    description: '机构: the schools and companies of a city (each in the reader’s scope), by name, optionally containing `name`; at most `perPage` (≤ 200)',
  })
  async institutions(
    @Arg('cityCode', () => String, { description: 'GB/T 2260 code of the city, e.g. 330100' }) cityCode: string,
    @Arg('name', () => String, { nullable: true, description: 'part of the name' }) name: string | null,
    // A default the cost limit sees too: the list is priced at `perPage` rows (query-limits.ts).
    @Arg('perPage', () => Int, { nullable: true, defaultValue: DEFAULT_INSTITUTIONS, description: `at most ${MAX_INSTITUTIONS}` }) perPage: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityRow[]> {
    const limit = perPage ?? DEFAULT_INSTITUTIONS;
    if (limit < 1 || limit > MAX_INSTITUTIONS) throw badInput('perPage', `每页 1 至 ${MAX_INSTITUTIONS} 个`, `perPage must be 1 to ${MAX_INSTITUTIONS}`);
    if (name && name.length > MAX_NAME_LENGTH)
      throw badInput('name', `名称至多 ${MAX_NAME_LENGTH} 个字符`, `name must be at most ${MAX_NAME_LENGTH} characters`);
    if (cityCode.length > 12) return [];
    const [schools, companies] = await Promise.all([
      rowsOf(ctx, info, schoolResource, cityCode, name, limit),
      rowsOf(ctx, info, companyResource, cityCode, name, limit),
    ]);
    return [...schools, ...companies].sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh-CN')).slice(0, limit);
  }
}
