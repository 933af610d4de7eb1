-- The names staff sign in with (StaffNames), by tenant and user id, with the roles the service learned
-- them for (",CASE_MANAGER,"): what a page or file a person reads names them by.
create table if not exists kim_staff_name (
    tenant  varchar(64)  not null,
    user_id varchar(64)  not null,
    name    varchar(200) not null,
    roles   varchar(200) not null,
    primary key (tenant, user_id)
);
