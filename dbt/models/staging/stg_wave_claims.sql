select
    'seed:' || c.claim_id as claim_id, 'seed' as source_dataset, cast(null as varchar) as article_id,
    'seed:' || c.wave_id as report_id, c.source_ref,
    c.claimed_on, c.quantity, c.value_low, c.value_high, c.value_text, c.qualifier,
    cast(null as varchar) as relation, cast(null as varchar) as relative_to_claim_id,
    cast(null as varchar) as part_of_claim_id, nullif(c.victim_group, '') as victim_group,
    c.claimant, c.claimant_type, 'asserts' as stance, w.country_iso3,
    cast(null as varchar) as evidence_text, cast(null as integer) as evidence_start, cast(null as integer) as evidence_end,
    cast(null as double) as confidence
from {{ ref('seed_wave_claims') }} as c
join {{ ref('seed_protest_waves') }} as w on w.wave_id = c.wave_id
