select iso3, nullif(iso2, '') as iso2, name, nullif(region, '') as region, is_aggregate
from {{ ref('seed_countries') }}
