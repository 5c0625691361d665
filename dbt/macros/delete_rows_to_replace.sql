{#-
    The first step of an incremental mart that holds rows of articles, datasets and seeds
    (fct_event_reports, fct_claims), as its pre_hook: delete the rows the build is about to
    insert again as they are now, namely the dataset and seed rows (their files are loaded
    whole each time) and the rows of articles no longer extracted or extracted (again) since
    the last dbt build that built this model successfully started (raw.dbt_model_builds,
    written by the build after dbt succeeds; every article when the model was never built).
    The model then inserts every row it does not hold any more.
-#}
{% macro delete_rows_to_replace() -%}
    {% if is_incremental() %}
        delete from {{ this }}
        where source_dataset <> 'article'
           or article_id not in (select article_id from {{ source('raw', 'article_extraction_state') }})
           or article_id in (
               select article_id
               from {{ source('raw', 'article_extraction_state') }}
               where extracted_at >= (
                   select coalesce(max(started_at), timestamp '-infinity')
                   from {{ source('raw', 'dbt_model_builds') }}
                   where model = '{{ this.name }}'
               )
           )
    {% endif %}
{%- endmacro %}
