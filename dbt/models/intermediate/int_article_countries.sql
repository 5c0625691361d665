-- The country an article is about: its hint, else the country most of its reports are in.
with report_countries as (
    select article_id, country_iso3, count(*) as reports
    from {{ ref('stg_article_event_reports') }}
    where country_iso3 is not null
    group by all
),

top_country as (
    select article_id, arg_max(country_iso3, reports) as country_iso3
    from report_countries
    group by article_id
)

select a.article_id, a.published, coalesce(a.country_hint, t.country_iso3) as country_iso3
from {{ ref('stg_articles') }} as a
left join top_country as t using (article_id)
