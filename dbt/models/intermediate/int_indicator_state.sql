-- The four contract indicators as known from each date on, per country: one row per date
-- on which any of them changed (a period ended), with every indicator's latest value and
-- the period it came from. Marts ASOF-join this on their own date (a month's last day, an
-- event's date), so the no-look-ahead rule lives in one place.
with change_points as (
    select distinct country_iso3, period_end as valid_from
    from {{ ref('int_indicator_as_of') }}
    where indicator in ('inflation_cpi_pct', 'fx_official_lcu_per_usd', 'fx_market_lcu_per_usd', 'youth_unemployment_pct')
),

latest as (
    select c.country_iso3, c.valid_from, i.indicator, o.value, o.period_end
    from change_points as c
    cross join (values ('inflation_cpi_pct'), ('fx_official_lcu_per_usd'), ('fx_market_lcu_per_usd'), ('youth_unemployment_pct')) as i(indicator)
    asof left join {{ ref('int_indicator_as_of') }} as o
      on o.country_iso3 = c.country_iso3 and o.indicator = i.indicator and c.valid_from >= o.period_end
)

select
    country_iso3,
    valid_from,
    max(value) filter (where indicator = 'inflation_cpi_pct') as inflation_cpi_pct,
    max(period_end) filter (where indicator = 'inflation_cpi_pct') as inflation_cpi_period_end,
    max(value) filter (where indicator = 'fx_official_lcu_per_usd') as fx_official_lcu_per_usd,
    max(period_end) filter (where indicator = 'fx_official_lcu_per_usd') as fx_official_period_end,
    max(value) filter (where indicator = 'fx_market_lcu_per_usd') as fx_market_lcu_per_usd,
    max(period_end) filter (where indicator = 'fx_market_lcu_per_usd') as fx_market_period_end,
    max(value) filter (where indicator = 'youth_unemployment_pct') as youth_unemployment_pct,
    max(period_end) filter (where indicator = 'youth_unemployment_pct') as youth_unemployment_period_end
from latest
group by country_iso3, valid_from
