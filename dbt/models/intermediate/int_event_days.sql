-- One row per kind of report and day: the real-world event that day's reports belong to.
--
-- Rule: reports merge when they have the same event type and mode, the same country, the
-- same place (or both name none), for speech acts and sanctions also the same actor (the
-- keys in int_event_reports), and dates that chain within `event_merge_window_days` of each
-- other (gaps and islands over the sorted days), an event spanning at most
-- `event_max_span_days` from its first day. Reports without a date never merge: an
-- undated mention cannot be told apart from another event. The event_id is a hash of the
-- earliest report of the event.
--
-- `event_changed` says whether the day is new or its event is another than at the last
-- build (this table as it was before this build): only the reports of those days and of
-- changed articles are written again into the incremental marts, instead of comparing every
-- report's event with the one stored. A new report in the middle of a long event leaves the
-- event's other days as they were.
{{ config(materialized='table') }}
{%- set previous = adapter.get_relation(database=this.database, schema=this.schema, identifier=this.identifier) %}
{%- set kind = 'event_type, event_mode, country_key, place_key, actor_key' %}

with report_days as (
    -- The windows below sort days, not reports.
    select {{ kind }}, event_date, min(report_id) as first_report_id
    from {{ ref('int_event_reports') }}
    where event_date is not null
    group by all
),

chained_days as (
    -- A day starts a new event when nothing of its kind happened in the days before it.
    select
        *,
        coalesce(event_date - lag(event_date) over same_kind > {{ var('event_merge_window_days') }}, true) as starts_event
    from report_days
    window same_kind as (partition by {{ kind }} order by event_date)
),

chains as (
    -- Each day's chain starts at the last day that started one.
    select
        *,
        last_value(case when starts_event then event_date end ignore nulls) over same_kind_so_far as chain_start
    from chained_days
    window same_kind_so_far as (
        partition by {{ kind }}
        order by event_date rows unbounded preceding
    )
),

spans as (
    -- A chain longer than `event_max_span_days` is cut into consecutive events of at most
    -- that many days: daily reports of protests "in Iran" for months are many events, not
    -- one that lasts a year (the chain alone once made one event of 17 years of reports).
    select
        *,
        (event_date - chain_start) // {{ var('event_max_span_days') }} as span_number
    from chains
),

event_days as (
    -- The event is named after the first report of its first day, the earliest report of
    -- the event.
    select
        {{ kind }}, event_date,
        'e_' || substr(md5(first_value(first_report_id) over (
            partition by {{ kind }}, chain_start, span_number
            order by event_date rows unbounded preceding
        )), 1, 16) as event_id
    from spans
)

select
    d.*,
    {% if previous is not none -%}
    p.event_id is null or p.event_id <> d.event_id as event_changed
    {%- else -%}
    true as event_changed
    {%- endif %}
from event_days as d
{%- if previous is not none %}
left join {{ this }} as p on {{ same_event_day('p', 'd') }}
{%- endif %}
