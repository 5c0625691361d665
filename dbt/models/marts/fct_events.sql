-- One row per distinct real-world event: its reports merged (rule in int_event_clusters),
-- with the envelope of every figure claimed about it. Ties are broken by report_id (the
-- earliest report's fields) and by name (the most named actor), so the rows never depend on
-- the order the reports are stored in.
with reports as (
    select r.*, a.published
    from {{ ref('fct_event_reports') }} as r
    left join {{ ref('stg_articles') }} as a using (article_id)
),

events as (
    select
        event_id,
        arg_min(event_type, (coalesce(event_date, date '9999-12-31'), report_id)) as event_type,
        arg_min(event_mode, (coalesce(event_date, date '9999-12-31'), report_id)) as event_mode,
        arg_min(country_iso3, (coalesce(event_date, date '9999-12-31'), report_id)) as country_iso3,
        max(location) as location,
        min(event_date) as event_date,
        arg_min(date_precision, (coalesce(event_date, date '9999-12-31'), report_id)) as date_precision,
        mode(actor1 order by actor1) as actor1,
        mode(actor2 order by actor2) as actor2,
        count(*) as report_count,
        count(distinct coalesce(article_id, source_dataset || ':' || source_ref)) as source_count,
        min(case when source_dataset = 'article' then published else event_date end) as first_reported_date
    from reports
    group by event_id
),

envelopes as (
    select
        event_id,
        min(value_low) filter (where quantity = 'deaths') as deaths_min_claimed,
        max(coalesce(value_high, value_low)) filter (where quantity = 'deaths') as deaths_max_claimed,
        min(value_low) filter (where quantity = 'arrests') as arrests_min_claimed,
        max(coalesce(value_high, value_low)) filter (where quantity = 'arrests') as arrests_max_claimed,
        count(*) as claim_count
    from {{ ref('int_claims') }}
    where event_id is not null and part_of_claim_id is null
    group by event_id
)

select
    e.event_id, e.event_type, e.event_mode, e.country_iso3, e.location, e.event_date, e.date_precision,
    e.actor1, e.actor2, e.report_count, e.source_count, e.first_reported_date,
    c.deaths_min_claimed, c.deaths_max_claimed, c.arrests_min_claimed, c.arrests_max_claimed,
    coalesce(c.claim_count, 0) as claim_count
from events as e
left join envelopes as c using (event_id)
