-- One row per event as one source reports it.
--
-- Incremental, because it grows with the corpus. A build first deletes (pre_hook) the
-- dataset and seed reports (loaded whole each time), and the reports of articles no longer
-- extracted or extracted since this model was last built; it then inserts those reports as
-- they are now, and every report on a day whose event is new or another
-- (int_event_reports_moved: a new report can merge events or become an event's first). A
-- full refresh gives the same rows (tests/test_incremental_marts.py); the build does one
-- whenever the dbt project changed or the last build failed (dagster_project/warehouse/dbt_builds.py).
{{ config(materialized='incremental', unique_key='report_id', pre_hook="{{ delete_rows_to_replace() }}") }}

-- depends_on: {{ ref('int_event_reports_moved') }}  (read by incremental builds only)
-- depends_on: {{ ref('int_events_touched') }}  (reads this model as it was: it must run first)

with reports as (
    select *
    from {{ ref('int_event_reports') }}
    {{ where_written_again() }}
)

select
    r.report_id, coalesce(d.event_id, 'e_' || substr(md5(r.report_id), 1, 16)) as event_id,
    r.source_dataset, r.article_id, r.source_ref,
    r.event_type, r.event_mode, r.acled_event_type, r.acled_sub_event_type,
    r.actor1, r.actor1_type, r.actor1_iso3, r.actor2, r.actor2_type, r.actor2_iso3, r.participants,
    r.country_iso3, r.location, r.admin1, r.latitude, r.longitude, r.geo_precision,
    r.event_date, r.event_date_end, r.date_precision, r.stance, r.attributed_to,
    r.evidence_text, r.evidence_start, r.evidence_end, r.confidence, r.extractor_version
from reports as r
-- A dated report's event is its kind and day's (int_event_days); an undated one is its own.
left join {{ ref('int_event_days') }} as d on {{ same_event_day('d', 'r') }}
