-- What an article says about the economy next to what the data said at publication:
-- the latest observation of that country and indicator whose period ended on or before
-- the publication date. An article without a date has no "at publication": nulls.
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
