select
    claim_id, source_dataset, cast(null as varchar) as article_id, report_id, source_ref,
    claimed_on, quantity, value_low, value_high, value_text, qualifier,
    cast(null as varchar) as relation, cast(null as varchar) as relative_to_claim_id,
    cast(null as varchar) as part_of_claim_id, cast(null as varchar) as victim_group,
    claimant, claimant_type, coalesce(stance, 'asserts') as stance, country_iso3,
    cast(null as varchar) as evidence_text, cast(null as integer) as evidence_start, cast(null as integer) as evidence_end,
    cast(null as double) as confidence
from {{ source('raw', 'dataset_claims') }}
