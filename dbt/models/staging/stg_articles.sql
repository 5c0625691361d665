select article_id, source_path, title, published, published_at, outlet, url, language, country_hint, text, content_hash
from {{ source('raw', 'articles') }}
