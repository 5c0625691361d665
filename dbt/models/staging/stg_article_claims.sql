select
    claim_id, 'article' as source_dataset, article_id, report_id, article_id as source_ref,
    claimed_on, quantity, value_low, value_high, value_text, qualifier, relation, relative_to_claim_id,
    part_of_claim_id, victim_group, claimant, claimant_type, stance, country_iso3,
    evidence_text, evidence_start, evidence_end, confidence
from {{ source('raw', 'article_claims') }}
