import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';

export enum ImportStatus {
  RECEIVING = 'RECEIVING',
  QUEUED = 'QUEUED',
  VALIDATING = 'VALIDATING',
  WRITING = 'WRITING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
  INTERRUPTED = 'INTERRUPTED',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  valuesConfig: {
    RECEIVING: { description: '接收中: rows may still be added' },
    QUEUED: { description: '排队中' },
    VALIDATING: { description: '校验中: rows validated so far in `validated`' },
    WRITING: { description: '写入中: all rows or none; on SQLite staged in parts (`written` counts up), then moved in by one transaction' },
    DONE: { description: '已完成: every row written' },
    FAILED: { description: '未通过: nothing written; see `problems`' },
    CANCELLED: { description: '已取消: nothing written' },
    INTERRUPTED: { description: '已中断 (the server stopped): nothing written; run it again' },
  },
});

/** Statuses of a job still under way: it counts towards its owner's open jobs and may be cancelled. */
export const OPEN_STATUSES = [ImportStatus.RECEIVING, ImportStatus.QUEUED, ImportStatus.VALIDATING, ImportStatus.WRITING];
/** Statuses of a job being worked on by a server, which reports its progress while it lasts. */
export const RUNNING_STATUSES = [ImportStatus.QUEUED, ImportStatus.VALIDATING, ImportStatus.WRITING];

/** Who started the job, as the rules need it when the job runs after its request. */
export interface ImportActor {
  userId: number;
  username: string;
  role: string;
  cityId: number | null;
  schoolId: number | null;
}

/** An import larger than one save: rows are added in parts, then checked as one set and written all or nothing. */
@ObjectType({ description: '导入任务: rows added in parts, then validated as one set and written in one transaction' })
@Entity({ tableName: 'import_job' })
@Index({ properties: ['ownerId', 'status'] })
export class ImportJob extends BaseEntity {
  @Field(() => String, { description: 'GraphQL type of the rows, e.g. Student' })
  @Property({ type: 'string', length: 50 })
  resource!: string;

  @Field(() => ImportStatus)
  @Enum({ items: () => ImportStatus, type: 'string', length: 12 })
  status: Opt<ImportStatus> = ImportStatus.RECEIVING;

  @Property({ type: 'integer' })
  ownerId!: number;

  @Property({ type: 'json' })
  actor!: ImportActor;

  @Field(() => Int, { description: 'Rows added so far' })
  @Property({ type: 'integer' })
  rowCount: Opt<number> = 0;

  @Field(() => Int, { description: 'Rows whose rules have been checked' })
  @Property({ type: 'integer' })
  validated: Opt<number> = 0;

  @Field(() => Int, {
    description: 'Rows written: all of them once DONE; while WRITING on SQLite, grows as the rows are staged (nobody sees them before DONE)',
  })
  @Property({ type: 'integer' })
  written: Opt<number> = 0;

  @Field(() => Int, { description: 'Rows with a problem (each row is reported with its first problem)' })
  @Property({ type: 'integer' })
  problemCount: Opt<number> = 0;

  @Field(() => String, { nullable: true, description: 'Why a job failed as a whole (a conflict with another writer), in Chinese and English' })
  @Property({ type: 'text', nullable: true })
  message: Opt<string> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  startedAt: Opt<Date> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finishedAt: Opt<Date> | null = null;
}

/** One added row, as coerced by the resource's save input type; null when it did not fit that type. */
@Entity({ tableName: 'import_row' })
export class ImportRow {
  @ManyToOne(() => ImportJob, { primary: true, deleteRule: 'cascade' })
  job!: ImportJob;

  @PrimaryKey({ type: 'integer' })
  ord!: number;

  @Property({ type: 'json', nullable: true })
  data!: Record<string, unknown> | null;
}

/** A row's problem, by the row's position in the import (0-based, like a save's `index`). */
@ObjectType({ description: 'A problem of one imported row: its position, the field, the rule and the message' })
@Entity({ tableName: 'import_problem' })
export class ImportProblem {
  @ManyToOne(() => ImportJob, { primary: true, deleteRule: 'cascade' })
  job!: ImportJob;

  @Field(() => Int, { description: 'Position of the row in the import, from 0' })
  @PrimaryKey({ type: 'integer' })
  ord!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 30 })
  code!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 60, nullable: true })
  rule!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 60, nullable: true })
  field!: string | null;

  @Field(() => String, { description: 'Chinese, then English in parentheses' })
  @Property({ type: 'text' })
  message!: string;
}
