import { BUREAUS, OFFICES, PROVINCE_ONLY, PROVINCE_WIDE, Role } from '../auth/role.js';

/**
 * Who may ask a query that is not a resource's own (analyst figures, to-do lists, the signed-in
 * account), and what it answers them; declared once per query beside its resolver, collected in
 * modules/index.ts, written to the contract and docs/roles.md, and checked by the generated matrix.
 * - `everyone`: reference data, the same answer to every signed-in role (provinces);
 * - `self`: the signed-in user's own items (its account, tasks, alerts);
 * - `place`: figures of the reader's place: province-wide roles any city, a city bureau its city, school
 *   staff their school (or its city); another place is refused;
 * - `provinceWide`: comparisons across cities, for province-wide roles only;
 * - `rows`: rows of resources, each read in the asker's own scope of its resource, as its list would;
 * - `offices`, `bureaus`, `province`: records of persons (students), never for analysts or other
 *   systems: the offices (province, city bureaus, schools) each within its place, the bureaus
 *   (province and city bureaus), or the province admin alone.
 */
export type QueryReach = 'everyone' | 'self' | 'place' | 'rows' | 'provinceWide' | 'offices' | 'bureaus' | 'province';

const ASKERS: Partial<Record<QueryReach, readonly Role[]>> = { provinceWide: PROVINCE_WIDE, offices: OFFICES, bureaus: BUREAUS, province: PROVINCE_ONLY };

/** Whether a role may ask a query of this reach at all. */
export const mayAsk = (reach: QueryReach, role: Role): boolean => ASKERS[reach]?.includes(role) ?? true;

/** A module's queries and their reach, checked for shape when declared. */
export const defineQueries = <T extends Record<string, QueryReach>>(queries: T): Readonly<T> => Object.freeze(queries);
