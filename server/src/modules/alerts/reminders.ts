import type { Actor } from '../../auth/actor.js';
import { Role } from '../../auth/role.js';
import { Season } from '../plan/plan.enums.js';
import { registrationDeadline } from '../intake/intake-rules.js';
import { summaryDueOn } from '../summary/summary-rules.js';
import { daysBetween } from '../tasks/tasks.service.js';
import type { Alert } from './alert.types.js';

interface Deadline {
  id: string;
  dueOn: string;
  zh: string;
  en: string;
  roles: Role[];
}

const OFFICES = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.SCHOOL_STAFF];

/** The notice's deadlines of a year (R9 registration, R10 summaries) and who is reminded of them. */
function deadlinesOf(year: number): Deadline[] {
  return [
    {
      id: `REGISTRATION:${year}:${Season.SPRING}`,
      dueOn: registrationDeadline(year, Season.SPRING),
      zh: `${year}年春季学籍注册`,
      en: `spring ${year} registration`,
      roles: OFFICES,
    },
    {
      id: `REGISTRATION:${year}:${Season.AUTUMN}`,
      dueOn: registrationDeadline(year, Season.AUTUMN),
      zh: `${year}年秋季学籍注册`,
      en: `autumn ${year} registration`,
      roles: OFFICES,
    },
    {
      id: `SUMMARY:${year}`,
      dueOn: summaryDueOn(year),
      zh: `${year}年度招生工作总结报送`,
      en: `the ${year} yearly summary`,
      roles: [Role.PROVINCE_ADMIN, Role.CITY_ADMIN],
    },
  ];
}

/**
 * Deadline reminders standing on a day: for each deadline still ahead (or today), the latest offset
 * reached, dated its deadline less that offset. Offsets come largest first or in any order.
 */
export function remindersFor(actor: Actor, today: string, offsets: readonly number[]): Alert[] {
  const year = Number(today.slice(0, 4));
  const alerts: Alert[] = [];
  for (const deadline of deadlinesOf(year).filter((d) => d.roles.includes(actor.role))) {
    const daysLeft = daysBetween(today, deadline.dueOn);
    const reached = offsets.filter((offset) => offset >= daysLeft && daysLeft >= 0);
    if (reached.length === 0) continue;
    const offset = Math.min(...reached);
    const raisedOn = new Date(Date.parse(`${deadline.dueOn}T00:00:00Z`) - offset * 86400000).toISOString().slice(0, 10);
    alerts.push({
      key: `REMINDER:${deadline.id}:${offset}`,
      kind: 'REMINDER',
      raisedOn,
      dueOn: deadline.dueOn,
      resource: null,
      filter: null,
      read: false,
      titleZh: `${deadline.zh}将于 ${deadline.dueOn} 截止（还剩 ${daysLeft} 天）`,
      titleEn: `${deadline.en} closes on ${deadline.dueOn} (${daysLeft} days left)`,
    });
  }
  return alerts;
}
