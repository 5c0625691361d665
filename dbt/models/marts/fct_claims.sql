-- One row per figure someone states.
select
    claim_id, source_dataset, article_id, report_id, event_id, source_ref, claimed_on,
    quantity, value_low, value_high, value_text, qualifier, relation, relative_to_claim_id,
    part_of_claim_id, victim_group, claimant, claimant_type, stance, country_iso3,
    evidence_text, evidence_start, evidence_end, confidence
from {{ ref('int_claims') }}
