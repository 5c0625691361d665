-- One row per event as one source reports it.
--
-- Incremental, because it grows with the corpus. A build first deletes (pre_hook) the
-- dataset and seed reports (loaded whole each time), and the reports of articles no longer
-- extracted or extracted since this model was last built; it then inserts every report
-- not stored any more, or stored under another event (a new report can merge events). A
-- full refresh gives the same rows (tests/test_incremental_marts.py); the build does one
-- whenever the dbt project changed (dagster_project/warehouse/dbt_builds.py).
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='report_id',
    on_schema_change='append_new_columns',
    pre_hook="{{ delete_rows_to_replace() }}",
) }}

with reports as (
    select r.*, k.event_id
    from {{ ref('int_event_reports') }} as r
    join {{ ref('int_event_clusters') }} as k using (report_id)
)

{% if is_incremental() %}
, new_or_moved as (
    -- Reports not stored yet, or stored under another event.
    select k.report_id
    from {{ ref('int_event_clusters') }} as k
    left join {{ this }} as t using (report_id)
    where t.event_id is distinct from k.event_id
)
{% endif %}

select
    r.report_id, r.event_id, r.source_dataset, r.article_id, r.source_ref,
    r.event_type, r.event_mode, r.acled_event_type, r.acled_sub_event_type,
    r.actor1, r.actor1_type, r.actor1_iso3, r.actor2, r.actor2_type, r.actor2_iso3, r.participants,
    r.country_iso3, r.location, r.admin1, r.latitude, r.longitude, r.geo_precision,
    r.event_date, r.event_date_end, r.date_precision, r.stance, r.attributed_to,
    r.evidence_text, r.evidence_start, r.evidence_end, r.confidence, r.extractor_version
from reports as r
{% if is_incremental() %}
where r.report_id in (select report_id from new_or_moved)
{% endif %}
