import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from './role.js';

/** The signed-in user a request acts for. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  cityId: number | null;
  schoolId: number | null;
}

const requestActor = new AsyncLocalStorage<Actor | null>();

/** Runs `work` (a request, a script, a test) as `actor`; null stands for an anonymous request. */
export function runAs<T>(actor: Actor | null, work: () => T): T {
  return requestActor.run(actor, work);
}

/** The actor of the running request; undefined outside any request (seeding, migrations). */
export function currentActor(): Actor | null | undefined {
  return requestActor.getStore();
}
