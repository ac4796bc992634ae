import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { requestActor } from '../../auth/scope.js';
import { todayIn } from '../../common/clock.js';
import { Task } from './task.types.js';
import { tasksFor } from './tasks.service.js';
import { defineQueries } from '../../common/query-reach.js';

/** The signed-in user's own to-do list (common/query-reach.ts). */
export const taskQueries = defineQueries({ myTasks: 'self' });

@Resolver(() => Task)
export class TasksResolver {
  @Query(() => [Task], {
    description: '待办: what the signed-in user has to do today, from the data and their role; each item names the sheet and filter that handle it',
  })
  async myTasks(@Ctx() ctx: Context): Promise<Task[]> {
    const actor = requestActor(ctx.actor);
    if (!actor) return [];
    return tasksFor(ctx.em, actor, todayIn(ctx.clock));
  }
}
