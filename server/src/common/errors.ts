import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  | 'UNAUTHENTICATED'
  | 'TOO_MANY_ATTEMPTS'
  | 'LIMIT_EXCEEDED'
  // refused by the HTTP layer before the document is parsed (server/src/http/)
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'REQUEST_TOO_LARGE';

export interface Problem {
  code: ErrorCode;
  zh: string;
  en: string;
  field?: string;
  rule?: string;
  details?: Record<string, unknown>;
}

/** A typed client-facing error: code, rule id, field and a bilingual message. */
export class AppError extends GraphQLError {
  constructor(readonly problem: Problem) {
    super(`${problem.zh} (${problem.en})`, {
      extensions: {
        code: problem.code,
        rule: problem.rule ?? null,
        field: problem.field ?? null,
        messageZh: problem.zh,
        messageEn: problem.en,
        ...problem.details,
      },
    });
  }
}

export interface RowProblem {
  index: number;
  /** The row's id, when the bulk operation names rows by id (workflow transitions). */
  id?: string;
  code: ErrorCode;
  rule: string | null;
  field: string | null;
  message: string;
}

/** A row's problem as bulk writes and imports report it. */
export function rowProblem(index: number, error: AppError): RowProblem {
  const ext = error.extensions as Record<string, string | null>;
  return { index, code: error.problem.code, rule: ext.rule ?? null, field: ext.field ?? null, message: error.message };
}

/** A bulk write refused as a whole; every failing row is reported by its index. */
export class BulkError extends GraphQLError {
  constructor(readonly rows: RowProblem[]) {
    const first = rows[0];
    const zh = `${rows.length} 行有错误，未保存任何数据`;
    const en = `${rows.length} row(s) failed; nothing was saved`;
    super(`${zh} (${en})`, {
      extensions: {
        code: first?.code ?? 'BAD_USER_INPUT',
        messageZh: zh,
        messageEn: en,
        rule: first?.rule ?? null,
        field: first?.field ?? null,
        rows,
      },
    });
  }
}

export const badInput = (field: string, zh: string, en: string) => new AppError({ code: 'BAD_USER_INPUT', field, zh, en });

export const ruleViolation = (rule: string, zh: string, en: string, field?: string) => new AppError({ code: 'RULE_VIOLATION', rule, field, zh, en });

export const notFound = (entity: string, id: string | number) =>
  new AppError({ code: 'NOT_FOUND', field: 'id', zh: `找不到${entity}：${id}`, en: `${entity} ${id} not found` });

export const conflict = (entity: string, id: string | number, expected: number, actual: number) =>
  new AppError({
    code: 'CONFLICT',
    field: 'version',
    zh: `${entity} ${id} 已被他人修改（您的版本 ${expected}，当前版本 ${actual}），请刷新后重试`,
    en: `${entity} ${id} was changed by someone else (your version ${expected}, current ${actual}); reload and retry`,
    details: { currentVersion: actual },
  });
