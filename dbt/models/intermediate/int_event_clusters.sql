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

chained as (
    -- A report starts a new event when nothing of its kind happened in the days before it.
    select
        *,
        coalesce(event_date - lag(event_date) over same_kind > {{ var('event_merge_window_days') }}, true) as starts_event
    from reports
    where event_date is not null
    window same_kind as (partition by event_type, event_mode, country_key, place_key, actor_key order by event_date, report_id)
),

anchored as (
    -- Each dated report belongs to the event started by the last report that started one.
    select
        report_id,
        last_value(case when starts_event then report_id end ignore nulls) over (
            partition by event_type, event_mode, country_key, place_key, actor_key
            order by event_date, report_id rows unbounded preceding
        ) as anchor_report_id
    from chained
)

select report_id, 'e_' || substr(md5(anchor_report_id), 1, 16) as event_id
from anchored
union all
select report_id, 'e_' || substr(md5(report_id), 1, 16) as event_id
from reports
where event_date is null
