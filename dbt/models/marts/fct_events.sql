-- One row per distinct real-world event: its reports merged (rule in int_event_days),
-- with the envelope of every figure claimed about it. Type, mode, country and date
-- precision are the earliest report's (ties broken by report_id), the actors the most named
-- (ties broken by name), so the rows never depend on the order the reports are stored in.
--
-- Incremental: an event's row depends on its reports and their claims only, so a build
-- recomputes the events that gained, lost or changed one (int_events_touched: as they were;
-- the rows fct_event_reports wrote again: as they are), after deleting (pre_hook) those
-- events' rows, and leaves the others as they are.
{{ config(materialized='incremental', unique_key='event_id', pre_hook="{{ delete_events_touched() }}") }}

-- depends_on: {{ ref('int_events_touched') }}  (read by incremental builds only)
-- depends_on: {{ ref('int_event_reports_moved') }}

with
{%- if is_incremental() %}
touched as materialized (
    {{ events_touched() }}
),
{%- endif %}

reports as (
    select r.*, a.published
    from {{ ref('fct_event_reports') }} as r
    left join {{ ref('stg_articles') }} as a using (article_id)
    {%- if is_incremental() %}
    where r.event_id in (select event_id from touched)
    {%- endif %}
),

-- The aggregates are computed apart and joined by event_id: in one query, the distinct
-- count and the ordered mode() make DuckDB take a slow path (2 s instead of 0.5 s over two
-- million reports).
events as (
    select
        event_id,
        arg_min(report_id, (coalesce(event_date, date '9999-12-31'), report_id)) as earliest_report_id,
        max(location) as location,
        min(event_date) as event_date,
        count(*) as report_count,
        min(case when source_dataset = 'article' then published else event_date end) as first_reported_date
    from reports
    group by event_id
),

sources as (
    select event_id, count(*) as source_count
    from (select distinct event_id, coalesce(article_id, source_dataset || ':' || source_ref) as source from reports)
    group by event_id
),

actors as (
    -- The most named actor1 and actor2, ties broken by name (the first in name order).
    select event_id, side, name, count(*) as mentions
    from reports
    unpivot (name for side in (actor1, actor2))
    group by all
),

top_actors as (
    select
        event_id,
        min(name) filter (where side = 'actor1') as actor1,
        min(name) filter (where side = 'actor2') as actor2
    from (select * from actors qualify mentions = max(mentions) over (partition by event_id, side))
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
    from {{ ref('fct_claims') }}
    where event_id is not null and part_of_claim_id is null
    {%- if is_incremental() %}
      and event_id in (select event_id from touched)
    {%- endif %}
    group by event_id
)

select
    e.event_id, r.event_type, r.event_mode, r.country_iso3, e.location, e.event_date, r.date_precision,
    a.actor1, a.actor2, e.report_count, s.source_count, e.first_reported_date,
    c.deaths_min_claimed, c.deaths_max_claimed, c.arrests_min_claimed, c.arrests_max_claimed,
    coalesce(c.claim_count, 0) as claim_count
from events as e
join {{ ref('fct_event_reports') }} as r on r.report_id = e.earliest_report_id
join sources as s on s.event_id = e.event_id
left join top_actors as a on a.event_id = e.event_id
left join envelopes as c on c.event_id = e.event_id
