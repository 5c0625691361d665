select mention_id, article_id, country_iso3, indicator, claim_direction, evidence_text, evidence_start, evidence_end, extractor_version
from {{ source('raw', 'article_indicator_mentions') }}
