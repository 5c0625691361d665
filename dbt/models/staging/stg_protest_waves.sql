-- Reference protest waves become PROTEST reports with source_dataset 'seed'.
select
    'seed:' || wave_id as report_id, 'seed' as source_dataset, cast(null as varchar) as article_id, source_ref,
    'PROTEST' as event_type, 'demonstrate' as event_mode, 'Protests' as acled_event_type, 'Peaceful protest' as acled_sub_event_type,
    'protesters' as actor1, 'protesters' as actor1_type, country_iso3 as actor1_iso3,
    cast(null as varchar) as actor2, cast(null as varchar) as actor2_type, cast(null as varchar) as actor2_iso3,
    cast(null as varchar) as participants,
    country_iso3, cast(null as varchar) as location, cast(null as varchar) as admin1,
    cast(null as double) as latitude, cast(null as double) as longitude, 'country' as geo_precision,
    start_date as event_date, cast(null as date) as event_date_end, 'day' as date_precision, 'asserted' as stance,
    cast(null as varchar) as attributed_to,
    name || ': ' || "trigger" as evidence_text, cast(null as integer) as evidence_start, cast(null as integer) as evidence_end,
    1.0 as confidence, cast(null as varchar) as extractor_version,
    wave_id, name as wave_name
from {{ ref('seed_protest_waves') }}
