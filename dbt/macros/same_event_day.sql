{#- The condition that report or day `a` is of the same kind and on the same day as `b`
    (the keys int_event_reports adds, and the date): how a report finds its row in
    int_event_days, and a day its row of the last build. -#}
{% macro same_event_day(a, b) -%}
{{ a }}.event_type = {{ b }}.event_type and {{ a }}.event_mode is not distinct from {{ b }}.event_mode and {{ a }}.country_key = {{ b }}.country_key
 and {{ a }}.place_key = {{ b }}.place_key and {{ a }}.actor_key = {{ b }}.actor_key and {{ a }}.event_date = {{ b }}.event_date
{%- endmacro %}
