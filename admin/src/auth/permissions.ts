import type { SessionUser } from './session';
import { includesRole, readersOf, stepRolesOf, writersOf } from '../contract';

/**
 * What each role may read and write, from the server's contract (schema/resources.json): the server
 * enforces it; this only decides which buttons and sheets to show.
 */
export type PlanStepName = 'submit' | 'approve' | 'return' | 'file';

/** react-admin's permissions: the role and the city or school it is bound to. */
export type Permissions = Pick<SessionUser, 'role' | 'cityId' | 'schoolId'>;

export const canWrite = (permissions: Permissions | undefined, resource: string): boolean =>
  Boolean(permissions && includesRole(writersOf(resource), permissions.role));

export const canRead = (permissions: Permissions | undefined, resource: string): boolean =>
  Boolean(permissions && (readersOf(resource) === undefined || includesRole(readersOf(resource), permissions.role)));

export const canTakeStep = (permissions: Permissions | undefined, step: PlanStepName): boolean =>
  Boolean(permissions && includesRole(stepRolesOf(step), permissions.role));
