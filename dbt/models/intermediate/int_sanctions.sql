-- The curated timeline plus article SANCTION reports. An article report that matches a
-- timeline measure (same party, target and action, dates within
-- `sanction_match_window_days`) is attached to that measure instead of becoming a second row.
--
-- Incremental: an article report's row depends on the report and the timeline (a seed: a
-- change to it is a change to the dbt project, so a full refresh) only, so a build writes
-- the timeline rows (their lists of matching reports are over every article) and the
-- reports of articles extracted since the model was last built, after deleting (pre_hook)
-- those and the rows of articles no longer extracted.
{{ config(materialized='incremental', unique_key='sanction_id', pre_hook="{{ delete_rows_to_replace(article_column='source_ref', source_column='source') }}") }}

with timeline as (
    select * from {{ ref('stg_sanctions') }}
),

article_reports as (
    select
        report_id, article_id,
        coalesce(actor1_iso3, case when actor1 ilike '%european union%' then 'EU' when actor1 ilike '%united nations%' then 'UN' end) as sanctioning_party,
        country_iso3 as target_iso3, event_mode as action, event_date, evidence_text
    from {{ ref('int_event_reports') }}
    where source_dataset = 'article' and event_type = 'SANCTION'
),

matches as (
    select a.report_id, t.sanction_id
    from article_reports as a
    join timeline as t
      on t.sanctioning_party = a.sanctioning_party
     and t.target_iso3 = a.target_iso3
     and (t.action = a.action or (t.action in ('impose', 'reimpose') and a.action in ('impose', 'reimpose')))
     and abs(coalesce(t.effective_date, t.announced_date) - a.event_date) <= {{ var('sanction_match_window_days') }}
    qualify row_number() over (partition by a.report_id order by abs(coalesce(t.effective_date, t.announced_date) - a.event_date)) = 1
),

corroboration as (
    select sanction_id, string_agg(report_id, ';' order by report_id) as article_report_ids
    from matches
    group by sanction_id
),

written_reports as (
    select *
    from article_reports
    {%- if is_incremental() %}
    where article_id in ({{ articles_extracted_since_last_build() }})
    {%- endif %}
)

select
    t.sanction_id, t.sanctioning_party, t.target_iso3, t.action, t.sectors, t.announced_date, t.effective_date,
    t.end_date, t.description, t.source, t.source_ref, c.article_report_ids
from timeline as t
left join corroboration as c using (sanction_id)

union all

select
    a.report_id as sanction_id, a.sanctioning_party, a.target_iso3, a.action, cast(null as varchar) as sectors,
    a.event_date as announced_date, a.event_date as effective_date, cast(null as date) as end_date,
    a.evidence_text as description, 'article' as source, a.article_id as source_ref, a.report_id as article_report_ids
from written_reports as a
where a.report_id not in (select report_id from matches)
