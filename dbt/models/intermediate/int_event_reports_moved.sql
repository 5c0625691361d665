-- The reports on the days whose event is new or another since the last build
-- (int_event_days.event_changed): with the reports of changed articles, what an
-- incremental build writes again into fct_event_reports and fct_claims.
{{ config(materialized='view') }}

select r.report_id
from {{ ref('int_event_reports') }} as r
where exists (
    select 1
    from {{ ref('int_event_days') }} as d
    where d.event_changed and {{ same_event_day('d', 'r') }}
)
