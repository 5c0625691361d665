-- One row per figure someone states.
--
-- Incremental by the same rule as fct_event_reports: the claims of datasets and seeds, of
-- articles no longer extracted and of articles extracted since this model was last built
-- are deleted; every claim not stored any more, or stored under another event, is
-- inserted. A full refresh gives the same rows.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='claim_id',
    on_schema_change='append_new_columns',
    pre_hook="{{ delete_rows_to_replace() }}",
) }}

{% if is_incremental() %}
with new_or_moved as (
    -- Claims not stored yet, or stored under another event.
    select c.claim_id
    from {{ ref('int_claims') }} as c
    left join {{ this }} as t using (claim_id)
    where t.claim_id is null or t.event_id is distinct from c.event_id
)
{% endif %}

select
    c.claim_id, c.source_dataset, c.article_id, c.report_id, c.event_id, c.source_ref, c.claimed_on,
    c.quantity, c.value_low, c.value_high, c.value_text, c.qualifier, c.relation, c.relative_to_claim_id,
    c.part_of_claim_id, c.victim_group, c.claimant, c.claimant_type, c.stance, c.country_iso3,
    c.evidence_text, c.evidence_start, c.evidence_end, c.confidence
from {{ ref('int_claims') }} as c
{% if is_incremental() %}
where c.claim_id in (select claim_id from new_or_moved)
{% endif %}
