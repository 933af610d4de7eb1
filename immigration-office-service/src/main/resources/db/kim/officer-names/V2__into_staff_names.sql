-- The officers' names move to the table every service keeps its staff's names in (StaffNames,
-- migrations db/kim/staff-names, made before this one): copied once, as seen on the day of the move,
-- then this table is dropped.
insert into kim_staff_name (tenant, user_id, name, roles, seen_on)
    select o.tenant, o.user_id, o.name, ',IMMIGRATION_OFFICER,', current_date from kim_officer_name o
    where not exists (select 1 from kim_staff_name s where s.tenant = o.tenant and s.user_id = o.user_id);
drop table kim_officer_name;
