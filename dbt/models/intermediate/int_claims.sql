-- Every claimed figure, whatever its source, in one shape, with the event it belongs to.
-- A view, like int_event_reports: fct_claims holds the rows.
{{ config(materialized='view') }}

with claims as (
    select * from {{ ref('stg_article_claims') }}
    union all
    select * from {{ ref('stg_dataset_claims') }}
    union all
    select * from {{ ref('stg_wave_claims') }}
)

select c.*, k.event_id
from claims as c
left join {{ ref('int_event_clusters') }} as k on k.report_id = c.report_id
