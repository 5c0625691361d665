-- One row per event as one source reports it.
select
    r.report_id, k.event_id, r.source_dataset, r.article_id, r.source_ref,
    r.event_type, r.event_mode, r.acled_event_type, r.acled_sub_event_type,
    r.actor1, r.actor1_type, r.actor1_iso3, r.actor2, r.actor2_type, r.actor2_iso3, r.participants,
    r.country_iso3, r.location, r.admin1, r.latitude, r.longitude, r.geo_precision,
    r.event_date, r.event_date_end, r.date_precision, r.stance, r.attributed_to,
    r.evidence_text, r.evidence_start, r.evidence_end, r.confidence, r.extractor_version
from {{ ref('int_event_reports') }} as r
join {{ ref('int_event_clusters') }} as k using (report_id)
