-- One observation per country, indicator, frequency, period and source; a user file wins over the seed.
with ranked as (
    select
        *,
        row_number() over (
            partition by country_iso3, indicator, frequency, period_start, source
            order by priority, vintage desc nulls last, source_path
        ) as rank_in_key
    from {{ ref('stg_indicator_observations') }}
)

select country_iso3, indicator, frequency, period_start, period_end, value, unit, source, source_series_code, vintage, priority
from ranked
where rank_in_key = 1
