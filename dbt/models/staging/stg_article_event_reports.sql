select
    report_id, 'article' as source_dataset, article_id, article_id as source_ref,
    event_type, event_mode, acled_event_type, acled_sub_event_type,
    actor1, actor1_type, actor1_iso3, actor2, actor2_type, actor2_iso3, participants,
    country_iso3, location, admin1, latitude, longitude, geo_precision,
    event_date, event_date_end, date_precision, stance, attributed_to,
    evidence_text, evidence_start, evidence_end, confidence, extractor_version
from {{ source('raw', 'article_event_reports') }}
