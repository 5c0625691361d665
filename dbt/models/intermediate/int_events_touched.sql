-- The events an incremental build of fct_events recomputes, as far as fct_event_reports
-- knows them before this build writes it: the events of the report rows it is about to
-- delete or write again (dataset and seed rows, rows of articles removed or extracted
-- since, rows on days whose event moved). fct_events adds the events of those rows as
-- written; it recomputes both sets and leaves every other event as it is. A claim is written
-- again exactly when its report is, so these are also the events whose claims changed.
-- Empty in a full refresh (fct_events is rebuilt whole) and in the first build.
--
-- Reads the stored fct_event_reports by name, not by ref: it runs before that model
-- (fct_event_reports depends on it), to see the rows as they were.
{{ config(materialized='table') }}
-- depends_on: {{ ref('int_event_reports_moved') }}  (read in incremental builds only)
{%- set reports = adapter.get_relation(database=this.database, schema='marts', identifier='fct_event_reports') %}

{% if reports is not none and not flags.FULL_REFRESH -%}
select distinct event_id
from {{ reports }}
where article_id not in (select article_id from {{ source('raw', 'article_extraction_state') }})
   or {{ written_again(model='fct_event_reports') }}
{%- else -%}
select cast(null as varchar) as event_id
where false
{%- endif %}
