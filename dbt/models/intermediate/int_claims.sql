-- Every claimed figure, whatever its source, in one shape (fct_claims adds the event of the
-- report it is about). A view, like int_event_reports: fct_claims holds the rows.
{{ config(materialized='view') }}

select * from {{ ref('stg_article_claims') }}
union all
select * from {{ ref('stg_dataset_claims') }}
union all
select * from {{ ref('stg_wave_claims') }}
