-- The day each member of staff was last seen (a request to the service): the choices of colleagues
-- offer those seen within a year, so that who left the Kommune drops out of them. Names learned before
-- count as seen on the day of this migration.
alter table kim_staff_name add column if not exists seen_on date;
update kim_staff_name set seen_on = current_date where seen_on is null;
