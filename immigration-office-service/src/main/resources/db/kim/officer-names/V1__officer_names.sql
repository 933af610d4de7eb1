-- The names officers sign in with (OfficerNames), by tenant and user id: what a file a person reads names them by.
create table if not exists kim_officer_name (
    tenant  varchar(64)  not null,
    user_id varchar(64)  not null,
    name    varchar(200) not null,
    primary key (tenant, user_id)
);
