-- One row per figure someone states, with the event its report belongs to.
--
-- Incremental by the same rule as fct_event_reports: the claims of datasets and seeds, of
-- articles no longer extracted and of articles extracted since this model was last built
-- are deleted and inserted as they are now, and so are the claims about reports whose
-- event moved. A full refresh gives the same rows.
{{ config(materialized='incremental', unique_key='claim_id', pre_hook="{{ delete_rows_to_replace() }}") }}

-- depends_on: {{ ref('int_event_reports_moved') }}  (read by incremental builds only)

with claims as (
    select *
    from {{ ref('int_claims') }}
    {{ where_written_again() }}
)

select
    c.claim_id, c.source_dataset, c.article_id, c.report_id, r.event_id, c.source_ref, c.claimed_on,
    c.quantity, c.value_low, c.value_high, c.value_text, c.qualifier, c.relation, c.relative_to_claim_id,
    c.part_of_claim_id, c.victim_group, c.claimant, c.claimant_type, c.stance, c.country_iso3,
    c.evidence_text, c.evidence_start, c.evidence_end, c.confidence
from claims as c
left join {{ ref('fct_event_reports') }} as r on r.report_id = c.report_id
