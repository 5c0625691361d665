-- The country an article is about: its hint, else the country most of its reports are in
-- (of two as many, the first in code order: a row never depends on the order reports are read).
--
-- Incremental: an article's row depends on the article and its own reports only, so a
-- build writes the rows of articles extracted since the model was last built and of
-- articles it has no row for yet (an article whose extraction failed has a row all the
-- same), after deleting (pre_hook) the rows of articles no longer loaded.
{{ config(materialized='incremental', unique_key='article_id', pre_hook="{{ delete_rows_to_replace(source_column=none, articles=ref('stg_articles')) }}") }}

with articles as (
    select article_id, published, country_hint
    from {{ ref('stg_articles') }}
    {%- if is_incremental() %}
    where article_id in ({{ articles_extracted_since_last_build() }})
       or article_id not in (select article_id from {{ this }})
    {%- endif %}
),

report_countries as (
    select article_id, country_iso3, count(*) as reports
    from {{ ref('stg_article_event_reports') }}
    where country_iso3 is not null
    {%- if is_incremental() %}
      and article_id in (select article_id from articles)
    {%- endif %}
    group by all
),

top_country as (
    select article_id, first(country_iso3 order by reports desc, country_iso3) as country_iso3
    from report_countries
    group by article_id
)

select a.article_id, a.published, coalesce(a.country_hint, t.country_iso3) as country_iso3
from articles as a
left join top_country as t using (article_id)
