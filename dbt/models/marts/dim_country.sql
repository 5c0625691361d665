select iso3, iso2, name, region, is_aggregate
from {{ ref('stg_countries') }}
