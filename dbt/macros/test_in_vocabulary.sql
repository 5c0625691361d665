{#- Accepted values from the shared vocabulary (seeds/vocab/vocab_codes.csv), which Python reads too. -#}
{% test in_vocabulary(model, column_name, domain) %}
select {{ column_name }} as unknown_code
from {{ model }}
where {{ column_name }} is not null
  and {{ column_name }} not in (select code from {{ ref('vocab_codes') }} where domain = '{{ domain }}')
{% endtest %}

{#- Event type and mode pairs from seeds/vocab/vocab_event_types.csv. -#}
{#- type_column is a column name, or a quoted literal such as "'SANCTION'". -#}
{% test in_event_vocabulary(model, column_name, type_column='event_type') %}
{%- set type_expr = type_column if type_column.startswith("'") else 'm.' ~ type_column -%}
select {{ type_expr }} as event_type, m.{{ column_name }} as event_mode
from {{ model }} as m
where m.{{ column_name }} is not null
  and not exists (
      select 1 from {{ ref('vocab_event_types') }} as v
      where v.event_type = {{ type_expr }} and v.event_mode = m.{{ column_name }}
  )
{% endtest %}
