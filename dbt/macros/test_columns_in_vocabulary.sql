{#- Several coded columns checked against the shared vocabulary in one scan of the model
    (seeds/vocab/vocab_codes.csv): `columns` maps each column to its vocabulary domain. A
    failing row names the column and the unknown code. One test instead of one per column,
    for the marts that grow with the corpus. -#}
{% test columns_in_vocabulary(model, columns) %}
with codes as (
    select domain, code from {{ ref('vocab_codes') }}
),

coded as (
    {%- for column, domain in columns.items() %}
    select '{{ column }}' as column_name, '{{ domain }}' as domain, {{ column }} as code
    from {{ model }}
    where {{ column }} is not null
    {{- "\n    union all" if not loop.last }}
    {%- endfor %}
)

select column_name, code as unknown_code, count(*) as rows_with_code
from coded
where not exists (select 1 from codes where codes.domain = coded.domain and codes.code = coded.code)
group by all
{% endtest %}

{#- Several columns that must never be null, checked in one scan; a failing row names the column. -#}
{% test columns_not_null(model, columns) %}
select column_name, rows_with_null
from (
    select
        {%- for column in columns %}
        count(*) filter (where {{ column }} is null) as {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ model }}
)
unpivot (rows_with_null for column_name in ({{ columns | join(', ') }}))
where rows_with_null > 0
{% endtest %}
