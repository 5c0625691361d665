-- One row per country and month, from the first to the last month with any activity
-- (article, event, sanction action or indicator observation) for that country.
-- Indicators are as known at the month's end: the latest observation whose period ended on
-- or before the last day of the month (ASOF join), so an annual 2019 figure first appears
-- in December 2019 and nothing comes from the future.
with countries as (
    select iso3 from {{ ref('stg_countries') }} where not is_aggregate
),

events as (
    select * from {{ ref('fct_events') }} where event_date is not null and country_iso3 is not null
),

articles as (
    select country_iso3, date_trunc('month', published)::date as month
    from {{ ref('int_article_countries') }}
    where published is not null and country_iso3 is not null
),

sanction_actions as (
    select target_iso3 as country_iso3, coalesce(effective_date, announced_date) as on_date
    from {{ ref('fct_sanctions') }}
    where coalesce(effective_date, announced_date) is not null
),

activity as (
    select country_iso3, date_trunc('month', event_date)::date as month from events
    union all
    select country_iso3, month from articles
    union all
    select country_iso3, date_trunc('month', on_date)::date from sanction_actions
    union all
    select country_iso3, date_trunc('month', period_end)::date from {{ ref('int_indicator_observations') }}
),

spans as (
    select country_iso3, min(month) as first_month, max(month) as last_month
    from activity
    where country_iso3 in (select iso3 from countries)
    group by country_iso3
),

spine as (
    select country_iso3, month::date as month, last_day(month::date) as month_end
    from (
        select country_iso3, unnest(generate_series(first_month::timestamp, last_month::timestamp, interval 1 month)) as month
        from spans
    )
),

indicators as (
    -- The indicators as known on the month's last day (int_indicator_state holds the rule).
    select s.country_iso3, s.month, i.* exclude (country_iso3, valid_from)
    from spine as s
    asof left join {{ ref('int_indicator_state') }} as i
      on i.country_iso3 = s.country_iso3 and s.month_end >= i.valid_from
),

event_counts as (
    select
        country_iso3, date_trunc('month', event_date)::date as month,
        count(*) filter (where event_type = 'PROTEST') as protest_events,
        count(*) filter (where event_type in ('ASSAULT', 'COERCE')) as repression_events,
        max(deaths_max_claimed) as deaths_max_claimed,
        max(arrests_max_claimed) as arrests_max_claimed
    from events
    group by all
),

article_counts as (
    select country_iso3, month, count(*) as article_count from articles group by all
),

action_counts as (
    select country_iso3, date_trunc('month', on_date)::date as month, count(*) as sanction_actions
    from sanction_actions
    group by all
),

in_force as (
    select s.country_iso3, s.month, count(m.sanction_id) as sanctions_in_force
    from spine as s
    left join {{ ref('int_sanction_measures') }} as m
      on m.target_iso3 = s.country_iso3
     and m.on_date <= s.month_end
     and (m.lifted_on is null or m.lifted_on > s.month_end)
    group by all
)

select
    s.country_iso3,
    s.month,
    s.month_end,
    coalesce(a.article_count, 0) as article_count,
    coalesce(e.protest_events, 0) as protest_events,
    coalesce(e.repression_events, 0) as repression_events,
    coalesce(x.sanction_actions, 0) as sanction_actions,
    coalesce(f.sanctions_in_force, 0) as sanctions_in_force,
    e.deaths_max_claimed,
    e.arrests_max_claimed,
    i.inflation_cpi_pct,
    i.inflation_cpi_period_end,
    i.fx_official_lcu_per_usd,
    i.fx_official_period_end,
    i.fx_market_lcu_per_usd,
    i.fx_market_period_end,
    round(100 * (i.fx_market_lcu_per_usd / lag(i.fx_market_lcu_per_usd) over (partition by s.country_iso3 order by s.month) - 1), 4) as fx_market_change_pct,
    round(100 * (i.fx_market_lcu_per_usd / i.fx_official_lcu_per_usd - 1), 4) as fx_market_premium_pct,
    i.youth_unemployment_pct,
    i.youth_unemployment_period_end
from spine as s
left join article_counts as a using (country_iso3, month)
left join event_counts as e using (country_iso3, month)
left join action_counts as x using (country_iso3, month)
left join in_force as f using (country_iso3, month)
left join indicators as i using (country_iso3, month)
