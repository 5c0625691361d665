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

dated as (
    select
        *,
        lag(event_date) over (
            partition by event_type, event_mode, country_key, place_key, actor_key
            order by event_date, report_id
        ) as previous_date
    from reports
    where event_date is not null
),

islands as (
    select
        *,
        sum(case when previous_date is null or event_date - previous_date > {{ var('event_merge_window_days') }} then 1 else 0 end)
            over (partition by event_type, event_mode, country_key, place_key, actor_key
                  order by event_date, report_id rows unbounded preceding) as island
    from dated
),

anchored as (
    select
        report_id,
        first_value(report_id) over (
            partition by event_type, event_mode, country_key, place_key, actor_key, island
            order by event_date, report_id
        ) as anchor_report_id
    from islands
)

select
    r.report_id,
    'e_' || substr(md5(coalesce(a.anchor_report_id, r.report_id)), 1, 16) as event_id
from reports as r
left join anchored as a using (report_id)
