select country_iso3, indicator, frequency, period_start, period_end, value, unit, source, source_series_code, vintage
from {{ ref('int_indicator_observations') }}
