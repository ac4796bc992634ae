/**
 * The SQL the comparison servers run. `campaign_progress()` computes what our `campaignProgress`
 * returns (city rows and a province row per year; R1 and the registration date included) in one
 * statement over the same tables (the intake subtotals included); PostGraphile exposes it as
 * `campaignProgress`, the raw server selects from it.
 */
export const CAMPAIGN_PROGRESS_FUNCTION = `
create type campaign_progress_row as (year int, city_code text, city_name text, target int, planned int, enrolled int, registered int, completion_rate float8, gap int);
-- jit off: PostgreSQL 15 would JIT-compile this statement (its estimated cost is high) for longer than it runs.
create function campaign_progress() returns setof campaign_progress_row language sql stable set jit = off as $$
  with facts as (
    -- the statement our campaignProgress ran when this comparison was set up (here for every year and city): per
    -- counted plan line its trigger-kept subtotals and its intakes still to register, each line seeking its own
    -- (today's date worked out once, as ours passes it in), summed per city and year, plus the targets. Kept as the
    -- fixed point of the ratios; ours now reads the intakes still ahead from one index range (withPending).
    -- The same tables and indexes serve both.
    select * from (
      select l.city_id, l.year, 0 as target, sum(l.planned) as planned, sum(l.enrolled) as enrolled, sum(l.pending) as pending
      from (
        select s.city_id, p.year,
               case when p.status in ('APPROVED', 'FILED') then p.seats else 0 end as planned,
               (select sum(t.students) from intake_tally t where t.plan_id = p.id) as enrolled,
               (select sum(i.count) from intake i where i.plan_id = p.id and i.registered_on > (select (now() at time zone 'Asia/Shanghai')::date)) as pending
        from enrollment_plan p join program pr on pr.id = p.program_id join school s on s.id = p.school_id
        where pr.study_mode <> 'SKILLS_TRAINING' and p.year between 2023 and 2027
      ) l
      group by l.city_id, l.year
    ) c
    union all
    select t.city_id, t.year, t.seats, 0, 0, 0 from campaign_target t where t.year between 2023 and 2027
  ), cells as (
    select y.year, c.display_order, c.code, c.name_zh, coalesce(sum(f.target), 0) as target, coalesce(sum(f.planned), 0) as planned,
           coalesce(sum(f.enrolled), 0) as enrolled, coalesce(sum(f.enrolled), 0) - coalesce(sum(f.pending), 0) as registered
    from city c cross join generate_series(2023, 2027) as y(year)
    left join facts f on f.city_id = c.id and f.year = y.year
    group by y.year, c.display_order, c.code, c.name_zh
  ), result as (
    select year, display_order, code, name_zh, target, planned, enrolled, registered from cells
    union all
    select year, 1000, '330000', '浙江省', sum(target), sum(planned), sum(enrolled), sum(registered) from cells group by year
  )
  select year, code::text, name_zh::text, target::int, planned::int, enrolled::int, registered::int,
         case when target > 0 then enrolled::float8 / target end, (target - enrolled)::int
  from result order by year, display_order
$$;
`;

export const RECORD_SQL = `select s.id, s.name, s.type, s.provincial, c.id as city_id, c.code, c.name_zh
  from school s join city c on c.id = s.city_id where s.id = $1`;

/** Cities in display order with their schools and those schools' plan lines of one year, flat. */
export const NESTED_SQL = `select c.id as city_id, c.code, c.name_zh, s.id as school_id, s.name, s.type,
    p.id as plan_id, p.year, p.season, p.seats, p.status
  from city c
  left join school s on s.city_id = c.id
  left join enrollment_plan p on p.school_id = s.id and p.year = $1
  order by c.display_order, s.id, p.id`;

export const PROGRESS_SQL = 'select * from campaign_progress()';
