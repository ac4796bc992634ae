import { defineQueries } from '../../common/query-reach.js';
import { assertMayAsk } from '../analytics/reader-place.js';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden } from '../../auth/scope.js';
import { BulkError, badInput, type RowProblem } from '../../common/errors.js';
import { todayIn } from '../../common/clock.js';
import { Role } from '../../auth/role.js';
import { ExternalRoster, ExternalRosterKind } from './external-roster.entity.js';
import { insertEntries, matchRoster } from './external-roster-match.js';
import { isIdNumberProblem, parseIdNumber } from './id-number.js';
import { idNumberHash } from './personal-data-keys.js';
import { inTransaction } from '../../common/transaction.js';

/** Most ID numbers one upload carries (about 420 kB of request); a longer list is uploaded in parts. */
export const MAX_EXTERNAL_IDS = 20_000;
@ObjectType({ description: 'An uploaded external roster and the joint-check cases it opened' })
export class ExternalRosterUpload {
  @Field(() => ExternalRoster) roster!: ExternalRoster;
  @Field(() => Int, { description: 'Students on a technical school’s roll whose ID number is on the list: one new case each' }) matched!: number;
}

/** Uploaded rosters of other schools' students (common/query-reach.ts). */
export const rosterQueries = defineQueries({ externalRosters: 'bureaus' });

@Resolver()
export class ExternalRosterResolver {
  @Mutation(() => ExternalRosterUpload, {
    description: `联合核查: the province uploads a 普通高中 or 中职 学籍 list of ID numbers (at most ${MAX_EXTERNAL_IDS} per upload); only keyed hashes are kept, and every student on a technical school's roll under one of them gets a joint-check case`,
  })
  async uploadExternalRoster(
    @Arg('kind', () => ExternalRosterKind) kind: ExternalRosterKind,
    @Arg('label', () => String) label: string,
    @Arg('idNumbers', () => [String]) idNumbers: string[],
    @Ctx() ctx: Context,
  ): Promise<ExternalRosterUpload> {
    if (ctx.actor?.role !== Role.PROVINCE_ADMIN) throw forbidden('外部学籍名单', 'ExternalRoster');
    const title = label.trim();
    if (!title || title.length > 200) throw badInput('label', '名单说明须为 1–200 个字符', 'label must have 1–200 characters');
    if (idNumbers.length === 0 || idNumbers.length > MAX_EXTERNAL_IDS) {
      throw badInput(
        'idNumbers',
        `一次上传 1–${MAX_EXTERNAL_IDS} 个身份证号，本次 ${idNumbers.length} 个；请分批上传`,
        `upload 1–${MAX_EXTERNAL_IDS} ID numbers at a time, got ${idNumbers.length}`,
      );
    }
    const problems: RowProblem[] = [];
    const hashes = new Set<string>();
    idNumbers.forEach((text, index) => {
      const parsed = parseIdNumber(text.slice(0, 40));
      if (isIdNumberProblem(parsed))
        problems.push({
          index,
          code: 'BAD_USER_INPUT',
          rule: 'ID_NUMBER',
          field: 'idNumbers',
          message: `第 ${index + 1} 个身份证号：${parsed.zh} (${parsed.en})`,
        });
      else hashes.add(idNumberHash(parsed.normalized));
    });
    if (problems.length > 0) throw new BulkError(problems);
    return inTransaction(ctx.em, async (em) => {
      const on = todayIn(ctx.clock);
      const roster = em.create(ExternalRoster, { kind, label: title, uploadedOn: on, entries: hashes.size });
      await em.flush();
      const list = [...hashes];
      await insertEntries(em, roster, list);
      const matched = await matchRoster(em, roster, list, on);
      await em.flush();
      return { roster, matched };
    });
  }

  @Query(() => [ExternalRoster], { description: 'External rosters uploaded for the joint check, newest first (bureaus)' })
  async externalRosters(@Ctx() ctx: Context): Promise<ExternalRoster[]> {
    assertMayAsk(rosterQueries.externalRosters, ctx.actor);
    return ctx.em.find(ExternalRoster, {}, { orderBy: { id: 'DESC' }, limit: 500 });
  }
}
