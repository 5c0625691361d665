-- Each event with the economy and the sanctions as they stood on its date (no look-ahead:
-- only observations whose period ended on or before the event date). Undated events get nulls.
with events as (
    select event_id, event_type, country_iso3, event_date from {{ ref('fct_events') }}
),

indicators as (
    -- The indicators as known on the event date (int_indicator_state holds the rule).
    select e.event_id, i.* exclude (country_iso3, valid_from)
    from events as e
    asof left join {{ ref('int_indicator_state') }} as i
      on i.country_iso3 = e.country_iso3 and e.event_date >= i.valid_from
),

-- Sanctions in force as a step function per target country: +1 when a measure starts, -1
-- when it is lifted; the count on a date is the running total at the last change on or
-- before it (an ASOF join, so the cost follows events + measures, not their product).
sanction_changes as (
    select target_iso3, on_date as changed_on, 1 as delta
    from {{ ref('int_sanction_measures') }}
    where on_date is not null and (lifted_on is null or lifted_on > on_date)
    union all
    select target_iso3, lifted_on as changed_on, -1 as delta
    from {{ ref('int_sanction_measures') }}
    where on_date is not null and lifted_on > on_date
),

in_force_from as (
    select target_iso3, changed_on,
           cast(sum(sum(delta)) over (partition by target_iso3 order by changed_on) as bigint) as sanctions_in_force
    from sanction_changes
    group by target_iso3, changed_on
),

in_force as (
    select e.event_id, c.sanctions_in_force
    from events as e
    asof left join in_force_from as c
      on c.target_iso3 = e.country_iso3 and e.event_date >= c.changed_on
),

action_dates as (
    select distinct target_iso3, coalesce(effective_date, announced_date) as action_date
    from {{ ref('fct_sanctions') }}
    where coalesce(effective_date, announced_date) is not null
),

last_action as (
    select e.event_id, a.action_date as last_action_date
    from events as e
    asof left join action_dates as a
      on a.target_iso3 = e.country_iso3 and e.event_date >= a.action_date
),

-- Protest events in the same country in the 30 days before (not counting the day itself):
-- the running count of protests up to the day before, less the count up to 31 days before
-- (two ASOF joins; a 30-day range window over every event cost seconds at 100k articles).
protest_days as (
    select country_iso3, event_date as protest_date, count(*) as protests
    from events
    where event_type = 'PROTEST' and country_iso3 is not null and event_date is not null
    group by all
),

protests_to_date as (
    select country_iso3, protest_date,
           cast(sum(protests) over (partition by country_iso3 order by protest_date) as bigint) as protests_so_far
    from protest_days
),

prior_protests as (
    select e.event_id, coalesce(up_to_yesterday.protests_so_far, 0) - coalesce(before_window.protests_so_far, 0) as protest_events_prior_30d
    from events as e
    asof left join protests_to_date as up_to_yesterday
      on up_to_yesterday.country_iso3 = e.country_iso3 and e.event_date - 1 >= up_to_yesterday.protest_date
    asof left join protests_to_date as before_window
      on before_window.country_iso3 = e.country_iso3 and e.event_date - 31 >= before_window.protest_date
)

select
    e.event_id, e.event_type, e.country_iso3, e.event_date,
    i.inflation_cpi_pct, i.inflation_cpi_period_end,
    i.fx_official_lcu_per_usd, i.fx_official_period_end,
    i.fx_market_lcu_per_usd, i.fx_market_period_end,
    round(100 * (i.fx_market_lcu_per_usd / i.fx_official_lcu_per_usd - 1), 4) as fx_market_premium_pct,
    i.youth_unemployment_pct, i.youth_unemployment_period_end,
    case when e.event_date is null then null else coalesce(f.sanctions_in_force, 0) end as sanctions_in_force,
    e.event_date - l.last_action_date as days_since_last_sanction_action,
    case when e.event_date is null then null else p.protest_events_prior_30d end as protest_events_prior_30d
from events as e
left join indicators as i using (event_id)
left join in_force as f using (event_id)
left join last_action as l using (event_id)
left join prior_protests as p using (event_id)
