-- User files first (priority 1), curated seeds second: on the same key the user's file wins.
select country_iso3, indicator, frequency, period_start, period_end, value, unit, source, source_series_code,
       vintage, source_path, 1 as priority
from {{ source('raw', 'indicator_observations') }}
union all
select country_iso3, indicator, frequency, period_start, period_end, value, unit, source, source_series_code,
       cast(null as varchar) as vintage, 'seeds/seed_indicator_observations.csv' as source_path, 2 as priority
from {{ ref('seed_indicator_observations') }}
