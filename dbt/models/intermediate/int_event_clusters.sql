-- Which reports describe the same real-world event.
--
-- Rule: reports merge when they have the same event type and mode, the same country, the
-- same place (or both name none), for speech acts and sanctions also the same actor, and
-- dates that chain within `event_merge_window_days` of each other (gaps and islands over
-- the sorted dates). Reports without a date never merge: an undated mention cannot be told
-- apart from another event. The event_id is a hash of the earliest report of the cluster.
with reports as (
    select
        report_id, event_type, event_mode, event_date,
        coalesce(country_iso3, '?') as country_key,
        coalesce(lower(location), '') as place_key,
        case when event_type in ('PROTEST', 'ASSAULT', 'COERCE', 'MOBILIZE') then ''
             else coalesce(actor1_iso3, actor1, '') end as actor_key
    from {{ ref('int_event_reports') }}
),

report_days as (
    -- One row per kind of report and day: the windows below sort days, not reports.
    select event_type, event_mode, country_key, place_key, actor_key, event_date, min(report_id) as first_report_id
    from reports
    where event_date is not null
    group by all
),

chained_days as (
    -- A day starts a new event when nothing of its kind happened in the days before it.
    select
        *,
        coalesce(event_date - lag(event_date) over same_kind > {{ var('event_merge_window_days') }}, true) as starts_event
    from report_days
    window same_kind as (partition by event_type, event_mode, country_key, place_key, actor_key order by event_date)
),

event_days as (
    -- Each day belongs to the event started by the last day that started one; the event is
    -- named after that day's first report, the earliest report of the event.
    select
        event_type, event_mode, country_key, place_key, actor_key, event_date,
        'e_' || substr(md5(last_value(case when starts_event then first_report_id end ignore nulls) over (
            partition by event_type, event_mode, country_key, place_key, actor_key
            order by event_date rows unbounded preceding
        )), 1, 16) as event_id
    from chained_days
)

select r.report_id, d.event_id
from reports as r
join event_days as d
  on d.event_type = r.event_type and d.event_mode is not distinct from r.event_mode and d.country_key = r.country_key
 and d.place_key = r.place_key and d.actor_key = r.actor_key and d.event_date = r.event_date
union all
select report_id, 'e_' || substr(md5(report_id), 1, 16) as event_id
from reports
where event_date is null
