-- Each event with the economy and the sanctions as they stood on its date (no look-ahead:
-- only observations whose period ended on or before the event date). Undated events get nulls.
with events as (
    select event_id, event_type, country_iso3, event_date from {{ ref('fct_events') }}
),

inflation as (
    select e.event_id, o.value, o.period_end
    from events as e
    asof left join (select * from {{ ref('int_indicator_as_of') }} where indicator = 'inflation_cpi_pct') as o
      on o.country_iso3 = e.country_iso3 and e.event_date >= o.period_end
),

fx_official as (
    select e.event_id, o.value, o.period_end
    from events as e
    asof left join (select * from {{ ref('int_indicator_as_of') }} where indicator = 'fx_official_lcu_per_usd') as o
      on o.country_iso3 = e.country_iso3 and e.event_date >= o.period_end
),

fx_market as (
    select e.event_id, o.value, o.period_end
    from events as e
    asof left join (select * from {{ ref('int_indicator_as_of') }} where indicator = 'fx_market_lcu_per_usd') as o
      on o.country_iso3 = e.country_iso3 and e.event_date >= o.period_end
),

youth_unemployment as (
    select e.event_id, o.value, o.period_end
    from events as e
    asof left join (select * from {{ ref('int_indicator_as_of') }} where indicator = 'youth_unemployment_pct') as o
      on o.country_iso3 = e.country_iso3 and e.event_date >= o.period_end
),

in_force as (
    select e.event_id, count(m.sanction_id) as sanctions_in_force
    from events as e
    left join {{ ref('int_sanction_measures') }} as m
      on m.target_iso3 = e.country_iso3 and m.on_date <= e.event_date
     and (m.lifted_on is null or m.lifted_on > e.event_date)
    group by e.event_id
),

last_action as (
    select e.event_id, max(coalesce(s.effective_date, s.announced_date)) as last_action_date
    from events as e
    join {{ ref('fct_sanctions') }} as s
      on s.target_iso3 = e.country_iso3 and coalesce(s.effective_date, s.announced_date) <= e.event_date
    group by e.event_id
),

prior_protests as (
    select e.event_id, count(p.event_id) as protest_events_prior_30d
    from events as e
    left join events as p
      on p.country_iso3 = e.country_iso3 and p.event_type = 'PROTEST'
     and p.event_date >= e.event_date - 30 and p.event_date < e.event_date
    group by e.event_id
)

select
    e.event_id, e.event_type, e.country_iso3, e.event_date,
    i.value as inflation_cpi_pct, i.period_end as inflation_cpi_period_end,
    o.value as fx_official_lcu_per_usd, o.period_end as fx_official_period_end,
    m.value as fx_market_lcu_per_usd, m.period_end as fx_market_period_end,
    round(100 * (m.value / o.value - 1), 4) as fx_market_premium_pct,
    y.value as youth_unemployment_pct, y.period_end as youth_unemployment_period_end,
    case when e.event_date is null then null else coalesce(f.sanctions_in_force, 0) end as sanctions_in_force,
    e.event_date - l.last_action_date as days_since_last_sanction_action,
    case when e.event_date is null then null else p.protest_events_prior_30d end as protest_events_prior_30d
from events as e
left join inflation as i using (event_id)
left join fx_official as o using (event_id)
left join fx_market as m using (event_id)
left join youth_unemployment as y using (event_id)
left join in_force as f using (event_id)
left join last_action as l using (event_id)
left join prior_protests as p using (event_id)
