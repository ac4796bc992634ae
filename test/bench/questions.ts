import { ANALYST_QUESTIONS } from '../../admin/src/graphiql/analyst-questions.js';

const INTAKE_JOINS = `from intake i
  join enrollment_plan p on p.id = i.plan_id
  join program pr on pr.id = p.program_id
  join school s on s.id = p.school_id
  join city c on c.id = s.city_id`;
const COUNTED = `pr.study_mode <> 'SKILLS_TRAINING'`;

/**
 * The same ten questions as hand-written SQL (the same rows, groups and order, standard SQL for both
 * databases): the yardstick `aggregateX` is measured against, in the order of `ANALYST_QUESTIONS`.
 */
const HAND_WRITTEN = [
  `select c.id, c.code, c.name_zh, p.year, pr.level, sum(i.count) as students ${INTAKE_JOINS}
   where ${COUNTED} group by c.id, c.code, c.name_zh, p.year, pr.level order by c.id, p.year, pr.level`,
  `select partner_province_code, count(*) as agreements, sum(seats) as seats, sum(enrolled) as enrolled
   from cross_region_agreement group by partner_province_code order by sum(seats) desc, partner_province_code`,
  `select co.industry, count(*) as classes, sum(oc.seats) as seats, sum(oc.enrolled) as enrolled
   from order_class oc join partnership pa on pa.id = oc.partnership_id join company co on co.id = pa.company_id
   where oc.year = 2025 group by co.industry order by sum(oc.seats) desc, co.industry`,
  `select m.category, c.id, c.code, c.name_zh, sum(i.count) as students ${INTAKE_JOINS} join major m on m.id = pr.major_id
   where p.year = 2025 and ${COUNTED} group by m.category, c.id, c.code, c.name_zh order by m.category, c.id`,
  `select i.origin_code, c.id, c.name_zh, sum(i.count) as students ${INTAKE_JOINS}
   where p.year = 2025 and not (i.origin_code like '33%') group by i.origin_code, c.id, c.name_zh order by sum(i.count) desc, i.origin_code, c.id`,
  `select p.year, i.target_group, count(*) as records, sum(i.count) as students ${INTAKE_JOINS}
   where ${COUNTED} group by p.year, i.target_group order by p.year, i.target_group`,
  `select c.id, c.code, c.name_zh, p.status, count(*) as plans, sum(p.seats) as seats
   from enrollment_plan p join school s on s.id = p.school_id join city c on c.id = s.city_id
   where p.year = 2025 group by c.id, c.code, c.name_zh, p.status order by c.id, p.status`,
  `select s.id, s.name, c.name_zh, sum(i.count) as students ${INTAKE_JOINS}
   where p.year = 2025 and ${COUNTED} group by s.id, s.name, c.name_zh having sum(i.count) < 100 order by sum(i.count), s.id`,
  `select s.provincial, pr.level, sum(i.count) as students ${INTAKE_JOINS}
   where p.year = 2025 and ${COUNTED} group by s.provincial, pr.level order by s.provincial, pr.level`,
  `select c.id, c.code, c.name_zh, pr.study_mode, count(*) as records, sum(i.count) as students, avg(i.count) as mean ${INTAKE_JOINS}
   where p.year = 2025 group by c.id, c.code, c.name_zh, pr.study_mode order by c.id, pr.study_mode`,
];

export const BENCH_QUESTIONS: Array<{ name: string; query: string; sql: string }> = ANALYST_QUESTIONS.map(({ query }, i) => ({
  name: /query (\w+)/.exec(query)![1]!,
  query,
  sql: HAND_WRITTEN[i]!,
}));
