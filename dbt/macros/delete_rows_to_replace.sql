{#-
    The articles an incremental model (`model`, default this one) takes in again: those
    extracted (again) since the last dbt build that built it successfully started
    (raw.dbt_model_builds, written by the build after dbt succeeds; every article when the
    model was never built).
-#}
{% macro articles_extracted_since_last_build(model=none) -%}
    select article_id
    from {{ source('raw', 'article_extraction_state') }}
    where extracted_at >= (
        select coalesce(max(started_at), timestamp '-infinity')
        from {{ source('raw', 'dbt_model_builds') }}
        where model = '{{ model or this.name }}'
    )
{%- endmacro %}

{#-
    The first step of an incremental model that holds rows of articles (as its pre_hook):
    delete the rows the build is about to insert again as they are now, namely the rows of
    articles no longer extracted or extracted since the model was last built and, where the
    model also holds rows of datasets and seeds (whose files are loaded whole each time), the
    rows whose `source_column` is not 'article'. The model then inserts those rows (and, in
    fct_event_reports and fct_claims, the rows whose event moved).

    `article_column` holds the article id (`source_ref` in the sanctions); `articles` lists
    the articles whose rows stay (default: the extracted ones; int_article_countries keeps a
    row for every loaded article).
-#}
{% macro delete_rows_to_replace(article_column='article_id', source_column='source_dataset', articles=none) -%}
    {% if is_incremental() %}
        delete from {{ this }}
        where {% if source_column %}{{ source_column }} <> 'article' or {% endif -%}
              {{ article_column }} not in (select article_id from {{ articles or source('raw', 'article_extraction_state') }})
           or {{ article_column }} in ({{ articles_extracted_since_last_build() }})
    {% endif %}
{%- endmacro %}

{#-
    The rows an incremental mart writes again (its where clause, in incremental builds only):
    the dataset and seed rows, the rows of articles extracted since the model was last built,
    and the rows about reports on days whose event is new or another (int_event_reports_moved).
    Rows with the same key are replaced; the pre_hook has deleted those of removed articles.
-#}
{% macro where_written_again() -%}
    {%- if is_incremental() %}
    where {{ written_again() }}
    {%- endif %}
{%- endmacro %}

{#- The condition itself, for a row of fct_event_reports or fct_claims (or int_event_reports)
    in the build of `model` (default this one). -#}
{% macro written_again(model=none) -%}
    source_dataset <> 'article'
       or article_id in ({{ articles_extracted_since_last_build(model) }})
       or report_id in (select report_id from {{ ref('int_event_reports_moved') }})
{%- endmacro %}

{#- The events an incremental build of fct_events recomputes: those of the report rows the
    build deleted or wrote again, as they were (int_events_touched) and as they are. -#}
{% macro events_touched() -%}
    select event_id from {{ ref('int_events_touched') }}
    union
    select event_id from {{ ref('fct_event_reports') }} where {{ written_again() }}
{%- endmacro %}

{#- fct_events' pre_hook: delete the rows of the events it recomputes (an event that no longer
    has a report is deleted and not written again). -#}
{% macro delete_events_touched() -%}
    {% if is_incremental() %}
        delete from {{ this }} where event_id in ({{ events_touched() }})
    {% endif %}
{%- endmacro %}
