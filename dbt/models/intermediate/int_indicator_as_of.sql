-- The observation an analyst would have had on a given day: per country, indicator and
-- period end, the most frequent series (D over M over Q over A), then the analyst's own
-- files over the embedded seeds, then the newest vintage.
-- Joined with ASOF on period_end <= the day, so nothing from the future leaks in.
with ranked as (
    select
        country_iso3, indicator, period_end, value, frequency,
        row_number() over (
            partition by country_iso3, indicator, period_end
            order by case frequency when 'D' then 1 when 'M' then 2 when 'Q' then 3 else 4 end,
                     priority, vintage desc nulls last, source
        ) as rank_in_period
    from {{ ref('int_indicator_observations') }}
)

select country_iso3, indicator, period_end, value, frequency
from ranked
where rank_in_period = 1
