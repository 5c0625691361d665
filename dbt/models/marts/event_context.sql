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
