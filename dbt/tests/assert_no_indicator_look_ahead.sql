-- No indicator value in country_month or event_context may come from a period that ended
-- after the month (or the event date) it is shown for.
select 'country_month' as model, country_iso3, month as as_of, 'inflation_cpi_pct' as indicator
from {{ ref('country_month') }} where inflation_cpi_period_end > month_end
union all
select 'country_month', country_iso3, month, 'fx_official' from {{ ref('country_month') }} where fx_official_period_end > month_end
union all
select 'country_month', country_iso3, month, 'fx_market' from {{ ref('country_month') }} where fx_market_period_end > month_end
union all
select 'country_month', country_iso3, month, 'youth_unemployment' from {{ ref('country_month') }} where youth_unemployment_period_end > month_end
union all
select 'event_context', country_iso3, event_date, 'inflation_cpi_pct' from {{ ref('event_context') }} where inflation_cpi_period_end > event_date
union all
select 'event_context', country_iso3, event_date, 'fx_official' from {{ ref('event_context') }} where fx_official_period_end > event_date
union all
select 'event_context', country_iso3, event_date, 'fx_market' from {{ ref('event_context') }} where fx_market_period_end > event_date
union all
select 'event_context', country_iso3, event_date, 'youth_unemployment' from {{ ref('event_context') }} where youth_unemployment_period_end > event_date
