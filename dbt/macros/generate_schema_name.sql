{#- Schemas are exactly raw, staging, intermediate and marts: no target-name prefix. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ (custom_schema_name or target.schema) | trim }}
{%- endmacro %}
