import type { EntityManager } from '@mikro-orm/core';
import { ruleViolation } from '../../common/errors.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import type { Program } from '../program/program.entity.js';
import type { Season } from '../plan/plan.enums.js';
import { OrderClass } from './order-class.entity.js';

export interface SeatPool {
  program: Program;
  year: number;
  season: Season;
}

/** Seats of the plan lines of one program, year and season. */
async function plannedSeats(em: EntityManager, pool: SeatPool): Promise<number> {
  const lines = await em.find(EnrollmentPlan, { program: pool.program, year: pool.year, season: pool.season });
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

/**
 * R11: the order classes of a program, year and season together fit in the seats of that program's
 * plan lines for the same year and season.
 */
export async function assertOrderClassFits(em: EntityManager, orderClass: OrderClass): Promise<void> {
  const pool: SeatPool = { program: orderClass.program, year: orderClass.year, season: orderClass.season };
  const planned = await plannedSeats(em, pool);
  const taken = await orderClassSeats(em, pool, orderClass.id);
  if (taken + orderClass.seats > planned) {
    const left = Math.max(0, planned - taken);
    throw ruleViolation(
      'R11',
      `订单班人数超出招生计划：该专业 ${pool.year} 年${pool.season === 'SPRING' ? '春季' : '秋季'}计划 ${planned} 人，其他订单班已占 ${taken} 人，最多还可安排 ${left} 人，本班 ${orderClass.seats} 人`,
      `order classes exceed the plan: program ${pool.program.id} has ${planned} planned seats for ${pool.year} ${pool.season}, other order classes take ${taken}, ${left} left, this class asks for ${orderClass.seats}`,
      'seats',
    );
  }
}
