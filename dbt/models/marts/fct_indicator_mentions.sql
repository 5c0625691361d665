-- What an article says about the economy next to what the data said at publication:
-- the latest observation of that country and indicator whose period ended on or before
-- the publication date. An article without a date has no "at publication": nulls.
--
-- Incremental: a mention's row depends on its article (text, date, country) and on the
-- indicator observations, which any build may change (files under raw/indicators). A build
-- looks up the observation of every mention again (cheap) and writes the rows of articles
-- extracted since the model was last built, of mentions it has no row for, and of mentions
-- whose observation is not the one stored, after deleting (pre_hook) those of articles
-- extracted again or no longer extracted.
{{ config(materialized='incremental', unique_key='mention_id', pre_hook="{{ delete_rows_to_replace(source_column=none) }}") }}

with mentions as (
    select m.*, a.published, coalesce(m.country_iso3, c.country_iso3) as mention_country
    from {{ ref('stg_article_indicator_mentions') }} as m
    left join {{ ref('stg_articles') }} as a using (article_id)
    left join {{ ref('int_article_countries') }} as c using (article_id)
),

observed as (
    select m.mention_id, o.value as observed_value, o.period_end as observed_period
    from mentions as m
    asof join {{ ref('int_indicator_as_of') }} as o
      on o.country_iso3 = m.mention_country
     and o.indicator = m.indicator
     and m.published >= o.period_end
    where m.published is not null
)

select
    m.mention_id, m.article_id, m.mention_country as country_iso3, m.indicator, m.claim_direction,
    m.evidence_text, m.evidence_start, m.evidence_end, m.published,
    o.observed_value, o.observed_period
from mentions as m
left join observed as o using (mention_id)
{%- if is_incremental() %}
left join {{ this }} as stored using (mention_id)
where stored.mention_id is null
   or m.article_id in ({{ articles_extracted_since_last_build() }})
   or stored.observed_value is distinct from o.observed_value
   or stored.observed_period is distinct from o.observed_period
{%- endif %}
