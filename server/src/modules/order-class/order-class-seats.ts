import type { EntityManager } from '@mikro-orm/core';
import { ruleViolation } from '../../common/errors.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { LOCKED_STATUSES } from '../plan/plan-rules.js';
import type { Program } from '../program/program.entity.js';
import type { Season } from '../plan/plan.enums.js';
import { OrderClass } from './order-class.entity.js';
import { chunksOf, IDS_PER_QUERY } from '../../common/batch-lookups.js';
import { placeholders, queryRows, toNumber } from '../../read/sql.js';

export interface SeatPool {
  program: Program;
  year: number;
  season: Season;
}

const seasonZh = (season: Season) => (season === 'SPRING' ? '春季' : '秋季');

/** Seats of the approved and filed plan lines of one program, year and season, other than `except`: drafts promise nothing. */
async function plannedSeats(em: EntityManager, pool: SeatPool, except?: number): Promise<number> {
  const lines = await em.find(EnrollmentPlan, {
    program: pool.program,
    year: pool.year,
    season: pool.season,
    status: { $in: [...LOCKED_STATUSES] },
    ...(except ? { id: { $ne: except } } : {}),
  });
  return lines.reduce((sum, line) => sum + line.seats, 0);
}

/** Seats already given to the pool's order classes, other than `except`. */
async function orderClassSeats(em: EntityManager, pool: SeatPool, except: number | undefined): Promise<number> {
  const classes = await em.find(OrderClass, {
    program: pool.program,
    year: pool.year,
    season: pool.season,
    ...(except ? { id: { $ne: except } } : {}),
  });
  return classes.reduce((sum, c) => sum + c.seats, 0);
}

/** What R11 looks up for a batch of order classes, per program, year and season: seats planned and given. */
export interface SeatTally {
  planned: Map<string, number>;
  /** Seats of order classes: as stored, then as each accepted row of the batch leaves them. */
  taken: Map<string, number>;
}

const poolKey = (pool: { program: { id: number }; year: number; season: Season }) => `${pool.program.id}|${pool.year}|${pool.season}`;

/** The seat figures of every pool of these programs, in one grouped query per table. */
export async function loadSeatTally(em: EntityManager, programIds: number[]): Promise<SeatTally> {
  const tally: SeatTally = { planned: new Map(), taken: new Map() };
  const sum = async (table: string, into: Map<string, number>, extra: string, extraParams: string[]) => {
    for (const chunk of chunksOf([...new Set(programIds)], IDS_PER_QUERY)) {
      const rows = await queryRows<{ program_id: unknown; year: unknown; season: Season; seats: unknown }>(
        em,
        `select program_id, year, season, sum(seats) as seats from ${table} where program_id in ${placeholders(chunk)}${extra} group by program_id, year, season`,
        [...chunk, ...extraParams],
      );
      for (const row of rows)
        into.set(poolKey({ program: { id: toNumber(row.program_id) }, year: toNumber(row.year), season: row.season }), toNumber(row.seats));
    }
  };
  await sum('enrollment_plan', tally.planned, ` and status in ${placeholders(LOCKED_STATUSES)}`, [...LOCKED_STATUSES]);
  await sum('order_class', tally.taken, '', []);
  return tally;
}

/**
 * R11: the order classes of a program, year and season together fit in the seats of that program's
 * plan lines for the same year and season. With a batch's `tally`, the figures come from it (and the
 * accepted row moves its seats there); `before` is the row as stored, on update.
 */
export async function assertOrderClassFits(em: EntityManager, orderClass: OrderClass, tally?: SeatTally, before?: Partial<OrderClass>): Promise<void> {
  const pool: SeatPool = { program: orderClass.program, year: orderClass.year, season: orderClass.season };
  const key = poolKey(pool);
  const storedHere = before?.program && poolKey(before as SeatPool) === key ? (before.seats ?? 0) : 0;
  const planned = tally ? (tally.planned.get(key) ?? 0) : await plannedSeats(em, pool);
  const taken = tally ? (tally.taken.get(key) ?? 0) - storedHere : await orderClassSeats(em, pool, orderClass.id);
  if (taken + orderClass.seats > planned) {
    const left = Math.max(0, planned - taken);
    throw ruleViolation(
      'R11',
      `订单班人数超出招生计划：该专业 ${pool.year} 年${seasonZh(pool.season)}已下达（备案）的计划 ${planned} 人，其他订单班已占 ${taken} 人，最多还可安排 ${left} 人，本班 ${orderClass.seats} 人`,
      `order classes exceed the plan: program ${pool.program.id} has ${planned} approved or filed seats for ${pool.year} ${pool.season}, other order classes take ${taken}, ${left} left, this class asks for ${orderClass.seats}`,
      'seats',
    );
  }
  if (!tally) return;
  if (before?.program) tally.taken.set(poolKey(before as SeatPool), (tally.taken.get(poolKey(before as SeatPool)) ?? 0) - (before.seats ?? 0));
  tally.taken.set(key, (tally.taken.get(key) ?? 0) + orderClass.seats);
}

/** A deleted order class gives its seats back to the rows of the batch after it. */
export function releaseSeats(tally: SeatTally | undefined, orderClass: OrderClass): void {
  if (tally) tally.taken.set(poolKey(orderClass), (tally.taken.get(poolKey(orderClass)) ?? 0) - orderClass.seats);
}

/**
 * R11 from the plan's side: once the locked `line` has `seatsAfter` seats (through an adjustment, the
 * only way a locked line's seats change), the lines of its program, year and season still hold the
 * order classes drawing on them.
 */
export async function assertPlanLineHoldsOrderClasses(em: EntityManager, line: SeatPool & { id: number }, seatsAfter: number, field = 'seats'): Promise<void> {
  const planned = (await plannedSeats(em, line, line.id)) + seatsAfter;
  const taken = await orderClassSeats(em, line, undefined);
  if (taken > planned) {
    throw ruleViolation(
      'R11',
      `该专业 ${line.year} 年${seasonZh(line.season)}的订单班已占 ${taken} 人，招生计划不能少于 ${taken} 人（调整后为 ${planned} 人）`,
      `order classes of program ${line.program.id} take ${taken} seats in ${line.year} ${line.season}; the plan would keep only ${planned}`,
      field,
    );
  }
}
