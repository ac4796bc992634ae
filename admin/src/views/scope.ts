import type { Role } from '../auth/session';

/**
 * Roles whose figures cover the whole province (server/src/auth/analytics-scope.ts, PROVINCE_WIDE): they
 * see the province total and the city ranking; a city bureau sees its city, school staff their school.
 */
const PROVINCE_WIDE: Role[] = ['PROVINCE_ADMIN', 'ANALYST', 'SERVICE'];

export const seesWholeProvince = (role: Role | undefined): boolean => Boolean(role && PROVINCE_WIDE.includes(role));
