-- Each measure that puts sanctions in force (impose, reimpose, tighten) and the day the same
-- party lifted sanctions on the same target after it, if it did. A measure is in force from
-- its effective date until that lift; easing keeps it in force; an agreement changes nothing.
with actions as (
    select sanction_id, sanctioning_party, target_iso3, action, coalesce(effective_date, announced_date) as on_date
    from {{ ref('int_sanctions') }}
    where coalesce(effective_date, announced_date) is not null and target_iso3 is not null
)

select
    m.sanction_id, m.sanctioning_party, m.target_iso3, m.action, m.on_date,
    (
        select min(l.on_date) from actions as l
        where l.action = 'lift' and l.sanctioning_party = m.sanctioning_party
          and l.target_iso3 = m.target_iso3 and l.on_date > m.on_date
    ) as lifted_on
from actions as m
where m.action in ('impose', 'reimpose', 'tighten')
