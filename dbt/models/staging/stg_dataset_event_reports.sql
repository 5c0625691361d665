select
    report_id, source_dataset, cast(null as varchar) as article_id, source_ref,
    event_type, event_mode, acled_event_type, acled_sub_event_type,
    actor1, actor1_type, actor1_iso3, actor2, actor2_type, actor2_iso3, cast(null as varchar) as participants,
    country_iso3, location, admin1, latitude, longitude, geo_precision,
    event_date, event_date_end, date_precision, coalesce(stance, 'asserted') as stance, cast(null as varchar) as attributed_to,
    evidence_text, cast(null as integer) as evidence_start, cast(null as integer) as evidence_end,
    confidence, cast(null as varchar) as extractor_version
from {{ source('raw', 'dataset_event_reports') }}
