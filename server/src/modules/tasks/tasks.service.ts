import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '../../auth/actor.js';
import { queryRows, toNumber } from '../../read/sql.js';
import { Role } from '../../auth/role.js';
import { Season } from '../plan/plan.enums.js';
import { registrationDeadline } from '../intake/intake-rules.js';
import { summaryDueOn } from '../summary/summary-rules.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../target/campaign.js';
import { Task, TaskKind } from './task.types.js';

/** How long before a registration deadline unfilled lines become a task. */
export const REGISTRATION_WARNING_DAYS = 30;
/** How long before 30 November a city's unsubmitted summary becomes a task. */
export const SUMMARY_WARNING_DAYS = 60;
/** A city is behind pace when its share of the target trails the share of the year elapsed by more than this. */
export const PACE_TOLERANCE = 0.05;

const DAY_MS = 86400000;
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** Where the tasks of an actor lie: a school, a city (optionally only its city-issued lines), or the province. */
interface Place {
  schoolId?: number;
  cityId?: number;
  /** Lines issued by the province (provincial schools) or by cities. */
  provincial?: boolean;
}

/** SQL conditions on `s` (school) for a place, and their parameters. */
function placeSql(place: Place): [string, Array<number | boolean>] {
  const conditions: Array<[string, number | boolean | undefined]> = [
    ['s.id = ?', place.schoolId],
    ['s.city_id = ?', place.cityId],
    ['s.provincial = ?', place.provincial],
  ];
  const given = conditions.filter((c): c is [string, number | boolean] => c[1] !== undefined);
  return [given.map(([sql]) => ` and ${sql}`).join(''), given.map(([, value]) => value)];
}

type TaskFields = Pick<Task, 'key' | 'kind' | 'count' | 'titleZh' | 'titleEn' | 'resource'> &
  Partial<Omit<Task, 'filter'>> & { filter: Record<string, unknown> };

const task = (fields: TaskFields): Task => ({
  dueOn: null,
  daysLeft: null,
  year: null,
  cityId: null,
  progress: null,
  ...fields,
  filter: JSON.stringify(fields.filter),
});

/** The same filter with the place's school or city, so the sheet opens on what the item counts. */
const withPlace = (place: Place, filter: Record<string, unknown>) => ({
  ...filter,
  ...(place.schoolId !== undefined ? { schoolId: String(place.schoolId) } : {}),
  ...(place.cityId !== undefined ? { cityId: String(place.cityId) } : {}),
  ...(place.provincial !== undefined ? { provincial: place.provincial } : {}),
});

async function planLines(em: EntityManager, place: Place, condition: string, params: unknown[] = []): Promise<number> {
  const [sql, placeParams] = placeSql(place);
  const [row] = await queryRows<{ n: unknown }>(
    em,
    `select count(*) as n from enrollment_plan p join school s on s.id = p.school_id where ${condition}${sql}`,
    [...params, ...placeParams] as never[],
  );
  return toNumber(row?.n);
}

const RETURNED = `exists (select 1 from plan_transition t where t.plan_id = p.id and t.step = 'RETURN')`;

async function workflowTasks(em: EntityManager, actor: Actor, today: string): Promise<Task[]> {
  const year = Number(today.slice(0, 4));
  const tasks: Task[] = [];
  if (actor.role === Role.SCHOOL_STAFF) {
    const place = { schoolId: actor.schoolId! };
    const toFix = await planLines(em, place, `p.status = 'DRAFT' and ${RETURNED}`);
    if (toFix)
      tasks.push(
        task({
          key: 'PLANS_TO_FIX',
          kind: TaskKind.PLANS_TO_FIX,
          count: toFix,
          titleZh: `${toFix} 条计划被退回，待修改后重新提交`,
          titleEn: `${toFix} returned plan lines to fix and resubmit`,
          resource: 'EnrollmentPlan',
          filter: withPlace(place, { status: 'DRAFT' }),
        }),
      );
    const drafts = await planLines(em, place, `p.status = 'DRAFT' and p.year >= ? and not ${RETURNED}`, [year]);
    if (drafts)
      tasks.push(
        task({
          key: 'PLANS_TO_SUBMIT',
          kind: TaskKind.PLANS_TO_SUBMIT,
          count: drafts,
          titleZh: `${drafts} 条草稿计划待提交`,
          titleEn: `${drafts} draft plan lines to submit`,
          resource: 'EnrollmentPlan',
          filter: withPlace(place, { status: 'DRAFT' }),
        }),
      );
  }
  const issued: Place | null =
    actor.role === Role.PROVINCE_ADMIN ? { provincial: true } : actor.role === Role.CITY_ADMIN ? { cityId: actor.cityId!, provincial: false } : null;
  if (issued) {
    const toApprove = await planLines(em, issued, `p.status = 'SUBMITTED'`);
    if (toApprove)
      tasks.push(
        task({
          key: 'PLANS_TO_APPROVE',
          kind: TaskKind.PLANS_TO_APPROVE,
          count: toApprove,
          titleZh: `${toApprove} 条计划待审核下达`,
          titleEn: `${toApprove} submitted plan lines to approve`,
          resource: 'EnrollmentPlan',
          filter: withPlace(issued, { status: 'SUBMITTED' }),
        }),
      );
    const [sql, params] = placeSql(issued);
    const [row] = await queryRows<{ n: unknown }>(
      em,
      `select count(*) as n from plan_adjustment a join enrollment_plan p on p.id = a.plan_id join school s on s.id = p.school_id where a.decision = 'PENDING'${sql}`,
      params as never[],
    );
    const pending = toNumber(row?.n);
    const adjustmentFilter = { decision: 'PENDING', ...(issued.cityId !== undefined ? { cityId: String(issued.cityId) } : {}) };
    if (pending)
      tasks.push(
        task({
          key: 'ADJUSTMENTS_TO_DECIDE',
          kind: TaskKind.ADJUSTMENTS_TO_DECIDE,
          count: pending,
          titleZh: `${pending} 项计划调整申请待审批`,
          titleEn: `${pending} plan adjustment requests to decide`,
          resource: 'PlanAdjustment',
          filter: adjustmentFilter,
        }),
      );
  }
  if (actor.role === Role.PROVINCE_ADMIN) {
    const toFile = await planLines(em, {}, `p.status = 'APPROVED'`);
    if (toFile)
      tasks.push(
        task({
          key: 'PLANS_TO_FILE',
          kind: TaskKind.PLANS_TO_FILE,
          count: toFile,
          titleZh: `${toFile} 条已下达计划待备案`,
          titleEn: `${toFile} approved plan lines to file`,
          resource: 'EnrollmentPlan',
          filter: { status: 'APPROVED' },
        }),
      );
  }
  return tasks;
}

async function summaryTasks(em: EntityManager, actor: Actor, today: string): Promise<Task[]> {
  const thisYear = Math.min(Number(today.slice(0, 4)), CAMPAIGN_LAST_YEAR);
  const years = Array.from({ length: Math.max(0, thisYear - CAMPAIGN_FIRST_YEAR + 1) }, (_, i) => CAMPAIGN_FIRST_YEAR + i);
  if (years.length === 0) return [];
  const submitted = await queryRows<{ city_id: number; year: number }>(em, `select city_id, year from annual_summary where submitted_on is not null`);
  const done = new Set(submitted.map((r) => `${r.city_id}:${r.year}`));
  if (actor.role === Role.CITY_ADMIN) {
    const tasks: Task[] = [];
    for (const year of years) {
      const dueOn = summaryDueOn(year);
      const daysLeft = daysBetween(today, dueOn);
      if (done.has(`${actor.cityId}:${year}`) || daysLeft > SUMMARY_WARNING_DAYS) continue;
      const titleZh = daysLeft >= 0 ? `${year}年度招生工作总结须于 ${dueOn} 前报送，还剩 ${daysLeft} 天` : `${year}年度招生工作总结已逾期 ${-daysLeft} 天`;
      const titleEn = daysLeft >= 0 ? `the ${year} summary is due on ${dueOn}: ${daysLeft} days left` : `the ${year} summary is ${-daysLeft} days overdue`;
      tasks.push(
        task({
          key: `SUMMARY_DUE:${year}`,
          kind: TaskKind.SUMMARY_DUE,
          count: 1,
          titleZh,
          titleEn,
          dueOn,
          daysLeft,
          year,
          cityId: actor.cityId,
          resource: 'AnnualSummary',
          filter: { cityId: String(actor.cityId), year },
        }),
      );
    }
    return tasks;
  }
  if (actor.role !== Role.PROVINCE_ADMIN) return [];
  const cities = await queryRows<{ id: number }>(em, 'select id from city');
  const tasks: Task[] = [];
  for (const year of years.filter((y) => summaryDueOn(y) < today)) {
    const late = cities.filter((c) => !done.has(`${c.id}:${year}`)).length;
    if (late)
      tasks.push(
        task({
          key: `SUMMARIES_OVERDUE:${year}`,
          kind: TaskKind.SUMMARIES_OVERDUE,
          count: late,
          titleZh: `${late} 个设区市的${year}年度总结逾期未报送`,
          titleEn: `${late} cities have not submitted their ${year} summary`,
          dueOn: summaryDueOn(year),
          daysLeft: daysBetween(today, summaryDueOn(year)),
          year,
          resource: 'AnnualSummary',
          filter: { year },
        }),
      );
  }
  return tasks;
}

/** The actor's own place for lines it runs or oversees. */
function ownPlace(actor: Actor): Place | null {
  if (actor.role === Role.SCHOOL_STAFF) return { schoolId: actor.schoolId! };
  if (actor.role === Role.CITY_ADMIN) return { cityId: actor.cityId! };
  if (actor.role === Role.PROVINCE_ADMIN) return {};
  return null;
}

async function registrationTasks(em: EntityManager, actor: Actor, today: string): Promise<Task[]> {
  const place = ownPlace(actor);
  if (!place) return [];
  const year = Number(today.slice(0, 4));
  const tasks: Task[] = [];
  for (const season of [Season.SPRING, Season.AUTUMN]) {
    const dueOn = registrationDeadline(year, season);
    const daysLeft = daysBetween(today, dueOn);
    if (daysLeft < 0 || daysLeft > REGISTRATION_WARNING_DAYS) continue;
    const [sql, params] = placeSql(place);
    const [row] = await queryRows<{ lines: unknown; unfilled: unknown }>(
      em,
      `select count(*) as lines, coalesce(sum(p.seats - coalesce(t.students, 0)), 0) as unfilled
       from enrollment_plan p join school s on s.id = p.school_id
       left join (select plan_id, sum(count) as students from intake group by plan_id) t on t.plan_id = p.id
       where p.status = 'FILED' and p.year = ? and p.season = ? and p.seats > coalesce(t.students, 0)${sql}`,
      [year, season, ...params] as never[],
    );
    const lines = toNumber(row?.lines);
    if (!lines) continue;
    const unfilled = toNumber(row?.unfilled);
    const seasonZh = season === Season.SPRING ? '春季' : '秋季';
    tasks.push(
      task({
        key: `REGISTRATION_CLOSING:${year}:${season}`,
        kind: TaskKind.REGISTRATION_CLOSING,
        count: lines,
        dueOn,
        daysLeft,
        year,
        titleZh: `${year}年${seasonZh}学籍注册 ${dueOn} 截止（还剩 ${daysLeft} 天），${lines} 条计划尚缺 ${unfilled} 人`,
        titleEn: `${season} ${year} registration closes on ${dueOn} (${daysLeft} days): ${lines} lines are ${unfilled} students short`,
        resource: 'EnrollmentPlan',
        filter: withPlace(place, { status: 'FILED', year, season }),
      }),
    );
  }
  return tasks;
}

/**
 * Cities whose share of the year's target trails the share of the year elapsed: the seats of their
 * approved and filed lines until registration opens, their registered students once it has.
 */
async function paceTasks(em: EntityManager, actor: Actor, today: string): Promise<Task[]> {
  if (actor.role !== Role.PROVINCE_ADMIN && actor.role !== Role.CITY_ADMIN) return [];
  const year = Number(today.slice(0, 4));
  if (year < CAMPAIGN_FIRST_YEAR || year > CAMPAIGN_LAST_YEAR) return [];
  const elapsed = (daysBetween(`${year}-01-01`, today) + 1) / (daysBetween(`${year}-01-01`, `${year}-12-31`) + 1);
  const rows = await queryRows<{ city_id: number; name_zh: string; target: unknown; planned: unknown; enrolled: unknown }>(
    em,
    `select c.id as city_id, c.name_zh, ct.seats as target,
       (select coalesce(sum(p.seats), 0) from enrollment_plan p join school s on s.id = p.school_id join program pr on pr.id = p.program_id
         where s.city_id = c.id and p.year = ? and p.status in ('APPROVED', 'FILED') and pr.study_mode <> 'SKILLS_TRAINING') as planned,
       (select coalesce(sum(i.count), 0) from intake i join enrollment_plan p on p.id = i.plan_id join school s on s.id = p.school_id join program pr on pr.id = p.program_id
         where s.city_id = c.id and p.year = ? and pr.study_mode <> 'SKILLS_TRAINING') as enrolled
     from city c join campaign_target ct on ct.city_id = c.id and ct.year = ?
     ${actor.role === Role.CITY_ADMIN ? 'where c.id = ?' : ''} order by c.display_order`,
    (actor.role === Role.CITY_ADMIN ? [year, year, year, actor.cityId] : [year, year, year]) as never[],
  );
  const registering = today >= `${year}-09-01`;
  return rows.flatMap((row) => {
    const target = toNumber(row.target);
    const reached = registering ? toNumber(row.enrolled) : toNumber(row.planned);
    const progress = target > 0 ? reached / target : 1;
    if (progress >= elapsed - PACE_TOLERANCE) return [];
    const percent = (n: number) => `${Math.round(n * 100)}%`;
    return [
      task({
        key: `CITY_BEHIND_PACE:${year}:${row.city_id}`,
        kind: TaskKind.CITY_BEHIND_PACE,
        count: 1,
        year,
        cityId: row.city_id,
        progress,
        titleZh: `${row.name_zh}${year}年${registering ? '招生' : '计划'}完成 ${percent(progress)}，落后于时序进度 ${percent(elapsed)}`,
        titleEn: `${row.name_zh} ${year}: ${registering ? 'enrolled' : 'planned'} ${percent(progress)} of its target, behind the ${percent(elapsed)} of the year elapsed`,
        resource: 'EnrollmentPlan',
        filter: { cityId: String(row.city_id), year },
      }),
    ];
  });
}

/** The to-do inbox of a signed-in user on a day: what waits for them, by their role and place. */
export async function tasksFor(em: EntityManager, actor: Actor, today: string): Promise<Task[]> {
  const groups = await Promise.all([workflowTasks, summaryTasks, registrationTasks, paceTasks].map((f) => f(em, actor, today)));
  return groups.flat();
}
