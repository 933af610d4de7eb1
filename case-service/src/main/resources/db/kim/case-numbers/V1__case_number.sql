-- The last Aktenzeichen sequence given per tenant and year (CaseNumberCounter).
create table if not exists kim_case_number (
    tenant      varchar(64) not null,
    case_year   int         not null,
    last_number bigint      not null,
    primary key (tenant, case_year)
);
