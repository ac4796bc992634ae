import { defineQueries } from '../../common/query-reach.js';
import { assertMayAsk } from '../analytics/reader-place.js';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { assertMayWrite, readScope, requestActor } from '../../auth/scope.js';
import { findOrFail } from '../../common/crud.service.js';
import { badInput, conflict } from '../../common/errors.js';
import { QUERY_SHAPE_LIMITS } from '../../common/query-shape-limits.js';
import { parseId } from '../../common/ids.js';
import type { ResourceDef } from '../../common/resource.js';
import { readRows, type EntityRow } from '../../read/rows.js';
import { queryRows, toNumber } from '../../read/sql.js';
import { todayIn } from '../../common/clock.js';
import { CalendarDate } from '../../common/scalars.js';
import { AuditAction, AuditEntry } from '../audit/audit-entry.entity.js';
import { Role } from '../../auth/role.js';
import { School } from '../school/school.entity.js';
import { Student } from './student.entity.js';
import { studentResource } from './student.resource.js';
import { ON_ROLL, StudentStatus } from './student.enums.js';
import { decryptIdNumber } from './personal-data-keys.js';
import { maskIdNumber, maskName } from './id-number.js';
import { assertStatusMove } from './student-rules.js';
import { assertNotOnRollElsewhere } from './student-duplicates.js';
import { inTransaction } from '../../common/transaction.js';

const def = studentResource as unknown as ResourceDef;

/** Rows `revealStudent` opened: read whole by whoever opened them (the opening is audited). */
const revealed = new WeakSet<object>();

/** City bureaus read students of their city masked unless they opened the record; the province and the student's own school read them whole. */
const readsMasked = (row: object, ctx: Context): boolean => requestActor(ctx.actor)?.role === Role.CITY_ADMIN && !revealed.has(row);

type StudentRow = EntityRow & { name: string; idCipher: string; idKeyId: string; birthDate: string };

/** Students are records of persons (common/query-reach.ts). */
export const studentQueries = defineQueries({ revealStudent: 'offices', duplicateStudents: 'province' });

@ObjectType({ description: 'Students on the roll of more than one school under one ID number (双重学籍)' })
export class DuplicateStudentGroup {
  @Field(() => Int) count!: number;
  @Field(() => [Student]) students!: EntityRow[];
}

@Resolver(() => Student)
export class StudentResolver {
  @FieldResolver(() => String, { description: '姓名; masked (张*) for city bureaus (see revealStudent)' })
  name(@Root() row: StudentRow, @Ctx() ctx: Context): string {
    return readsMasked(row, ctx) ? maskName(row.name) : row.name;
  }

  @FieldResolver(() => String, { description: '身份证号; masked (330102********1234) for city bureaus (see revealStudent)' })
  idNumber(@Root() row: StudentRow, @Ctx() ctx: Context): string {
    const idNumber = decryptIdNumber(row.idCipher, row.idKeyId);
    return readsMasked(row, ctx) ? maskIdNumber(idNumber) : idNumber;
  }

  @FieldResolver(() => CalendarDate, { nullable: true, description: '出生日期; null for city bureaus (it is the middle of the ID number)' })
  birthDate(@Root() row: StudentRow, @Ctx() ctx: Context): string | null {
    return readsMasked(row, ctx) ? null : row.birthDate;
  }

  @Query(() => Student, {
    nullable: true,
    description: 'Opens one student in full (name, ID number, birth date) for a reader of the student; every opening is an audit entry (StudentReveal)',
  })
  async revealStudent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<EntityRow | null> {
    assertMayAsk(studentQueries.revealStudent, ctx.actor);
    const scope = readScope(def, ctx.actor);
    const byId = { id: parseId(id) };
    const [row] = (await readRows(ctx.em, Student, scope ? { $and: [byId, scope] } : byId, { limit: 1 })) as StudentRow[];
    if (!row) return null;
    const school = await ctx.em.fork().findOneOrFail(School, (row.school as { id: number }).id);
    const now = ctx.clock.now();
    const actor = ctx.actor!;
    await ctx.em.fork().insert(AuditEntry, {
      action: AuditAction.CREATE,
      entityName: 'StudentReveal',
      entityId: row.id,
      actorId: actor.userId,
      actorName: actor.username,
      cityId: school.city.id,
      changes: { studentId: [null, row.id], clientAddress: [null, ctx.clientAddress] },
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    revealed.add(row);
    return row;
  }

  @Mutation(() => Student, {
    description: 'Changes a student’s status (休学, 复学, 退学, 转出, 毕业), dated today unless `on` is given; the history keeps every step',
  })
  changeStudentStatus(
    @Arg('id', () => ID) id: string,
    @Arg('to', () => StudentStatus) to: StudentStatus,
    @Arg('version', () => Int) version: number,
    @Arg('on', () => CalendarDate, { nullable: true }) on: string | null | undefined,
    @Ctx() ctx: Context,
  ) {
    return inTransaction(ctx.em, async (em) => {
      const student = await findOrFail(em, def, id);
      await assertMayWrite(def, student, ctx.actor);
      if (version !== student.version) throw conflict(def.labelZh, student.id, version, student.version);
      const row = student as unknown as Student;
      const today = todayIn(ctx.clock);
      const date = on ?? today;
      assertStatusMove(row, to, date, today);
      if (to === StudentStatus.ENROLLED) await assertNotOnRollElsewhere(em, row.idHash, row.id);
      row.status = to;
      row.statusOn = date;
      row.statusHistory = [...row.statusHistory, { status: to, on: date }];
      row.leftOn = ON_ROLL.includes(to) ? null : date;
      await em.flush();
      return row;
    });
  }

  @Query(() => [DuplicateStudentGroup], {
    description: '双重学籍: ID numbers on the roll of more than one record in the province, oldest first (province only)',
  })
  async duplicateStudents(
    @Arg('limit', () => Int, {
      nullable: true,
      description: `ID numbers (groups) returned (default ${QUERY_SHAPE_LIMITS.defaultDuplicateGroups}, at most ${QUERY_SHAPE_LIMITS.maxDuplicateGroups})`,
    })
    limit: number | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<DuplicateStudentGroup[]> {
    assertMayAsk(studentQueries.duplicateStudents, ctx.actor);
    const { defaultDuplicateGroups, maxDuplicateGroups } = QUERY_SHAPE_LIMITS;
    const take = limit ?? defaultDuplicateGroups;
    if (!Number.isInteger(take) || take < 1 || take > maxDuplicateGroups) {
      throw badInput('limit', `limit 须在 1 至 ${maxDuplicateGroups} 之间`, `limit must lie between 1 and ${maxDuplicateGroups}`);
    }
    const onRoll = ON_ROLL.map(() => '?').join(', ');
    const groups = await queryRows<{ id_hash: string; n: unknown }>(
      ctx.em,
      `select id_hash, count(*) as n from student where status in (${onRoll}) group by id_hash having count(*) > 1 order by min(id) limit ?`,
      [...ON_ROLL, take],
    );
    if (groups.length === 0) return [];
    const rows = await readRows(
      ctx.em,
      Student,
      { idHash: { $in: groups.map((g) => g.id_hash) }, status: { $in: [...ON_ROLL] } },
      { orderBy: [{ id: 'ASC' }] },
    );
    return groups.map((group) => ({
      count: toNumber(group.n),
      students: rows.filter((row) => row.idHash === group.id_hash),
    }));
  }
}
