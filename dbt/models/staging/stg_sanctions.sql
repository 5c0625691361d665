select sanction_id, sanctioning_party, target_iso3, action, sectors, announced_date, effective_date, end_date,
       description, source, source_ref
from {{ ref('seed_sanctions') }}
