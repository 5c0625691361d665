-- Incremental like int_sanctions, whose rows it publishes: the timeline rows and the rows of
-- articles extracted since the model was last built are written again.
{{ config(materialized='incremental', unique_key='sanction_id', pre_hook="{{ delete_rows_to_replace(article_column='source_ref', source_column='source') }}") }}

select sanction_id, sanctioning_party, target_iso3, action, sectors, announced_date, effective_date, end_date,
       description, source, source_ref, article_report_ids
from {{ ref('int_sanctions') }}
{%- if is_incremental() %}
where source <> 'article' or source_ref in ({{ articles_extracted_since_last_build() }})
{%- endif %}
