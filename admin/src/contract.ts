import json from '../../schema/resources.json';
import type { Role } from './auth/session';
import type { ColumnData, ColumnSpec } from './sheet/types';

/** One field of a resource as the server describes it (schema/resources.json, written by `pnpm schema:emit`). */
interface FieldContract {
  name: string;
  required?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  /** a regular expression's source */
  pattern?: string;
}

interface ResourceContract {
  name: string;
  readers: string[];
  /** where each reader's rows lie: `self` reads only its own row (its account) */
  readPlace: Record<string, string>;
  writers: string[];
  fields: FieldContract[];
}

/** A query beside the resources: its reach and the roles that may ask it (docs/roles.md). */
interface QueryContract {
  reach: string;
  askers: string[];
}

export interface Contract {
  planSteps: Record<string, string[]>;
  /** most rows one `saveX` carries: what one action over many rows may load and change */
  maxSaveRows: number;
  /** most problems one page of an import job's problems returns */
  importProblemsPerPage: number;
  resources: ResourceContract[];
  queries: Record<string, QueryContract>;
}

/** The server's own statement of every resource's limits and of who reads and writes it; the admin keeps no copy. */
export const contract = json as Contract;

/** Most rows one save writes (all or nothing); an action over more rows (tick all, a range) is refused before it loads them. */
export const maxSaveRows = contract.maxSaveRows;

/** Problems one read of an import job returns at most. */
export const importProblemsPerPage = contract.importProblemsPerPage;

const byName = new Map(contract.resources.map((resource) => [resource.name, resource]));

export const writersOf = (resource: string): readonly string[] => byName.get(resource)?.writers ?? [];

/**
 * Roles that read a resource's rows beyond their own (a role that reads only its own account has no
 * sheet of it); a name the server does not know (a view) is open to every signed-in role.
 */
export const readersOf = (resource: string): readonly string[] | undefined => {
  const known = byName.get(resource);
  return known?.readers.filter((role) => known.readPlace[role] !== 'self');
};

/** Where a role's readable rows of a resource lie: province, city, school or self. */
export const readPlaceOf = (resource: string, role: Role): string | undefined => byName.get(resource)?.readPlace[role];

/** Roles that take a plan workflow step at all (`submit`, `approve`, `return`, `file`). */
export const stepRolesOf = (step: string): readonly string[] => contract.planSteps[step.toUpperCase()] ?? [];

export const includesRole = (roles: readonly string[] | undefined, role: Role): boolean => Boolean(roles?.includes(role));

/** Whether a role may ask a query beside the resources at all (the server refuses the others). */
export const mayAsk = (query: string, role: Role | undefined): boolean => Boolean(role && includesRole(contract.queries[query]?.askers, role));

/**
 * Columns with the limits the server enforces on the field of the same name: required, min, max, length,
 * pattern. The column files hold presentation only; a limit changed in a resource description reaches
 * the sheet and forms through `pnpm schema:emit`.
 */
export function limitsFrom(source: Contract, resource: string, columns: readonly ColumnData[]): ColumnSpec[] {
  const fields = new Map((source.resources.find((r) => r.name === resource)?.fields ?? []).map((field) => [field.name, field]));
  return columns.map((column) => {
    const field = fields.get(column.source);
    if (!field) return { ...column };
    const pattern = field.pattern ? { regex: new RegExp(field.pattern), message: column.patternMessage ?? 'ra.validation.regex' } : undefined;
    return { ...column, required: field.required ?? false, min: field.min, max: field.max, maxLength: field.maxLength, pattern };
  });
}

export const withServerLimits = (resource: string, columns: readonly ColumnData[]): ColumnSpec[] => limitsFrom(contract, resource, columns);
