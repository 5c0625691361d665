-- Every event report, whatever its source, in one shape, with the keys that decide which
-- reports can be one event (int_event_days). A view: the marts read it once, so a table
-- would only copy every report again on each build.
{{ config(materialized='view') }}

with article_reports as (
    select report_id, source_dataset, article_id, source_ref, event_type, event_mode, acled_event_type, acled_sub_event_type, actor1, actor1_type, actor1_iso3, actor2, actor2_type, actor2_iso3, participants, country_iso3, location, admin1, latitude, longitude, geo_precision, event_date, event_date_end, date_precision, stance, attributed_to, evidence_text, evidence_start, evidence_end, confidence, extractor_version from {{ ref('stg_article_event_reports') }}
),

dataset_reports as (
    select report_id, source_dataset, article_id, source_ref, event_type, event_mode, acled_event_type, acled_sub_event_type, actor1, actor1_type, actor1_iso3, actor2, actor2_type, actor2_iso3, participants, country_iso3, location, admin1, latitude, longitude, geo_precision, event_date, event_date_end, date_precision, stance, attributed_to, evidence_text, evidence_start, evidence_end, confidence, extractor_version from {{ ref('stg_dataset_event_reports') }}
),

seed_reports as (
    select report_id, source_dataset, article_id, source_ref, event_type, event_mode, acled_event_type, acled_sub_event_type, actor1, actor1_type, actor1_iso3, actor2, actor2_type, actor2_iso3, participants, country_iso3, location, admin1, latitude, longitude, geo_precision, event_date, event_date_end, date_precision, stance, attributed_to, evidence_text, evidence_start, evidence_end, confidence, extractor_version from {{ ref('stg_protest_waves') }}
),

all_reports as (
    select * from article_reports
    union all
    select * from dataset_reports
    union all
    select * from seed_reports
)

select
    *,
    coalesce(country_iso3, '?') as country_key,
    coalesce(lower(location), '') as place_key,
    -- Speech acts and sanctions by different actors are different events; physical events
    -- in one place on one day are one event whoever is named.
    case when event_type in ('PROTEST', 'ASSAULT', 'COERCE', 'MOBILIZE') then ''
         else coalesce(actor1_iso3, actor1, '') end as actor_key
from all_reports
