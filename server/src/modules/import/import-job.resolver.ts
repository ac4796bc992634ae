import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, registerEnumType, type ClassType } from 'type-graphql';
import { coerceInputValue, isInputObjectType, type GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import type { EntityManager } from '@mikro-orm/core';
import type { Context } from '../../context.js';
import { assertRoleMayWrite, requestActor, unauthenticated } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import { AppError, badInput, notFound } from '../../common/errors.js';
import { parseId } from '../../common/ids.js';
import { queryRows } from '../../read/sql.js';
import { defineQueries } from '../../common/query-reach.js';
import type { ResourceDef } from '../../common/resource.js';
import { IMPORT_LIMITS } from './import-limits.js';
import { ImportJob, ImportProblem, ImportStatus, OPEN_STATUSES } from './import-job.entity.js';
import { addProblems, addRows, isSilent, jobById, moveJob, sweepJobs } from './import-store.js';
import { enqueueJob } from './import-runner.js';
import { inTransaction } from '../../common/transaction.js';

/** Each user reads only the jobs it started (common/query-reach.ts). */
export const importQueries = defineQueries({ importJob: 'self', myImportJobs: 'self' });

const signedIn = (given: Actor | null): Actor => {
  const actor = requestActor(given);
  if (!actor) throw unauthenticated();
  return actor;
};

/** The signed-in user's job; another user's job and no job look the same. */
async function ownJob(em: EntityManager, given: Actor | null, id: string): Promise<ImportJob> {
  const actor = signedIn(given);
  const job = await jobById(em, parseId(id, 'job'));
  if (!job || job.ownerId !== actor.userId) throw notFound('导入任务', id);
  return job;
}

const limitExceeded = (field: string, zh: string, en: string, details: Record<string, unknown>) =>
  new AppError({ code: 'LIMIT_EXCEEDED', rule: 'IMPORT_LIMIT', field, zh, en, details });

/** A row as the resource's save input type takes it, or the problem that kept it out. */
function coerceRow(
  info: GraphQLResolveInfo,
  def: ResourceDef,
  row: unknown,
): { data: Record<string, unknown> } | { problem: { field: string | null; message: string } } {
  const type = info.schema.getType(`${def.name}SaveRow`);
  if (!isInputObjectType(type)) throw new Error(`no input type ${def.name}SaveRow`);
  const unknown = Object.keys(row as object).find((key) => !(key in type.getFields()));
  if (unknown !== undefined)
    return { problem: { field: unknown.slice(0, 60), message: `没有字段 ${unknown.slice(0, 60)} (no field ${unknown.slice(0, 60)})` } };
  let first: { path: readonly (string | number)[]; error: GraphQLError } | undefined;
  const data = coerceInputValue(row, type, (path, _value, error) => (first ??= { path, error })) as Record<string, unknown>;
  if (!first) return { data };
  const name = typeof first.path[0] === 'string' ? first.path[0] : null;
  const label = def.fields.find((f) => f.name === name)?.labelZh ?? name;
  return {
    problem: {
      field: name,
      message: `${label ? `${label}：` : ''}值不符合格式 (${first.error.message})`,
    },
  };
}

/** Imports: the resolvers over every resource that takes writes, naming them in one enum. */
export function createImportResolver(resources: ResourceDef[]): ClassType {
  const importable = resources.filter((def) => def.mutations !== false);
  const ImportableResource = Object.fromEntries(importable.map((def) => [def.name, def.name]));
  registerEnumType(ImportableResource, { name: 'ImportableResource', description: 'The resources an import job writes' });
  const byName = (name: string) => importable.find((def) => def.name === name);

  @Resolver(() => ImportJob)
  class ImportJobResolver {
    @Mutation(() => ImportJob, {
      description: `Starts an import of up to ${IMPORT_LIMITS.maxRows} rows: add them with addImportRows (${IMPORT_LIMITS.rowsPerPart} per call), then runImport`,
    })
    async startImport(@Arg('resource', () => ImportableResource) resource: string, @Ctx() ctx: Context): Promise<ImportJob> {
      const actor = signedIn(ctx.actor);
      const def = byName(resource)!;
      assertRoleMayWrite(def, actor);
      await sweepJobs(ctx.em);
      const open = await ctx.em.count(ImportJob, { ownerId: actor.userId, status: { $in: OPEN_STATUSES } });
      if (open >= IMPORT_LIMITS.openJobsPerUser) {
        throw limitExceeded(
          'resource',
          `已有 ${open} 个导入任务未完成，请等待或取消后再开始新的导入`,
          `you have ${open} imports under way; wait for them or cancel one first`,
          { maximum: IMPORT_LIMITS.openJobsPerUser },
        );
      }
      const { userId, username, role, cityId, schoolId } = actor;
      const job = Object.assign(new ImportJob(), { resource: def.name, ownerId: userId, actor: { userId, username, role, cityId, schoolId } });
      const id = await ctx.em.insert(job);
      return (await jobById(ctx.em, id as number))!;
    }

    @Mutation(() => ImportJob, {
      description: `Adds rows (each shaped like the resource's save row) to a job still receiving; a row that does not fit the type is listed as a problem`,
    })
    async addImportRows(
      @Arg('job', () => ID) id: string,
      @Arg('rows', () => [JSONObjectResolver]) rows: unknown[],
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ImportJob> {
      const job = await ownJob(ctx.em, ctx.actor, id);
      if (rows.length > IMPORT_LIMITS.rowsPerPart) {
        throw limitExceeded('rows', `一次最多添加 ${IMPORT_LIMITS.rowsPerPart} 行`, `add at most ${IMPORT_LIMITS.rowsPerPart} rows at a time`, {
          maximum: IMPORT_LIMITS.rowsPerPart,
          actual: rows.length,
        });
      }
      const def = byName(job.resource)!;
      const coerced = rows.map((row) => coerceRow(info, def, row));
      const misfits = coerced.filter((row) => 'problem' in row).length;
      await inTransaction(ctx.em, async (em) => {
        // Taking the positions and checking the total in one statement: parts added at once never share a position.
        const [taken] = await queryRows<{ row_count: unknown }>(
          em,
          'update import_job set row_count = row_count + ?, problem_count = problem_count + ? where id = ? and status = ? and row_count + ? <= ? returning row_count',
          [rows.length, misfits, job.id, ImportStatus.RECEIVING, rows.length, IMPORT_LIMITS.maxRows],
        );
        if (!taken) {
          const now = await jobById(em, job.id);
          if (now?.status !== ImportStatus.RECEIVING) throw badInput('job', '该导入任务已不再接收数据', 'this import no longer takes rows');
          throw limitExceeded('rows', `一次导入最多 ${IMPORT_LIMITS.maxRows} 行`, `an import takes at most ${IMPORT_LIMITS.maxRows} rows`, {
            maximum: IMPORT_LIMITS.maxRows,
            actual: now.rowCount + rows.length,
          });
        }
        const first = Number(taken.row_count) - rows.length;
        await addRows(
          em,
          job.id,
          first,
          coerced.map((row) => ('data' in row ? row.data : null)),
        );
        await addProblems(
          em,
          job.id,
          coerced.flatMap((row, i) => ('problem' in row ? [{ ord: first + i, code: 'BAD_USER_INPUT', rule: null, ...row.problem }] : [])),
        );
      });
      return (await jobById(ctx.em, job.id))!;
    }

    @Mutation(() => ImportJob, {
      description: 'Closes a job to new rows and queues it: every row is validated, then all are written in one transaction or none',
    })
    async runImport(@Arg('job', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportJob> {
      const job = await ownJob(ctx.em, ctx.actor, id);
      if (job.rowCount === 0) throw badInput('job', '导入任务还没有数据', 'the import has no rows yet');
      const from = [ImportStatus.RECEIVING, ImportStatus.INTERRUPTED];
      if (!(await moveJob(ctx.em, job.id, from, ImportStatus.QUEUED, { validated: 0 }))) {
        throw badInput('job', '该导入任务已在运行或已结束', 'this import is running or has ended');
      }
      enqueueJob(ctx.em, job.id, byName);
      return (await jobById(ctx.em, job.id))!;
    }

    @Mutation(() => ImportJob, { description: 'Cancels a job that has not begun writing; nothing of it is written' })
    async cancelImport(@Arg('job', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportJob> {
      const job = await ownJob(ctx.em, ctx.actor, id);
      const from = [ImportStatus.RECEIVING, ImportStatus.QUEUED, ImportStatus.VALIDATING, ImportStatus.INTERRUPTED];
      if (!(await moveJob(ctx.em, job.id, from, ImportStatus.CANCELLED, { finishedAt: new Date() }))) {
        throw new AppError({
          code: 'CONFLICT',
          rule: 'IMPORT_STATE',
          field: 'job',
          zh: '导入任务已在写入或已结束，不能取消',
          en: 'the import is writing or has ended and cannot be cancelled',
        });
      }
      return (await jobById(ctx.em, job.id))!;
    }

    @Query(() => ImportJob, { nullable: true, description: 'One of the signed-in user’s imports, with its progress' })
    async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportJob | null> {
      const actor = signedIn(ctx.actor);
      let job = await jobById(ctx.em, parseId(id));
      // A job polled while it runs is read only; one that has gone silent is swept (and read again) first.
      if (job && isSilent(job)) {
        await sweepJobs(ctx.em);
        job = await jobById(ctx.em, job.id);
      }
      return job?.ownerId === actor.userId ? job : null;
    }

    @Query(() => [ImportJob], { description: 'The signed-in user’s imports of the last day, newest first (at most 20)' })
    async myImportJobs(@Ctx() ctx: Context): Promise<ImportJob[]> {
      const actor = signedIn(ctx.actor);
      await sweepJobs(ctx.em);
      return ctx.em.find(ImportJob, { ownerId: actor.userId }, { orderBy: { id: 'desc' }, limit: 20 });
    }

    @FieldResolver(() => [ImportProblem], { description: `Problems of rows in row order, a page at a time (at most ${IMPORT_LIMITS.problemsPerPage})` })
    async problems(
      @Root() job: ImportJob,
      @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
      @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
      @Ctx() ctx: Context,
    ): Promise<ImportProblem[]> {
      if (!Number.isInteger(limit) || limit < 1 || limit > IMPORT_LIMITS.problemsPerPage) {
        throw badInput('limit', `limit 须在 1 至 ${IMPORT_LIMITS.problemsPerPage} 之间`, `limit must lie between 1 and ${IMPORT_LIMITS.problemsPerPage}`);
      }
      if (!Number.isInteger(offset) || offset < 0 || offset > IMPORT_LIMITS.maxRows) {
        throw badInput('offset', `offset 须在 0 至 ${IMPORT_LIMITS.maxRows} 之间`, `offset must lie between 0 and ${IMPORT_LIMITS.maxRows}`);
      }
      return ctx.em.fork().find(ImportProblem, { job: job.id }, { orderBy: { ord: 'asc' }, limit, offset });
    }
  }
  return ImportJobResolver;
}
