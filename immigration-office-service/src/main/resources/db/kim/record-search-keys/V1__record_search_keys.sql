-- Each tenant's key of the residence records' blind search index (RecordSearchKeys), sealed with a key of the key store.
create table if not exists kim_record_search_key (
    tenant     varchar(64)   not null primary key,
    sealed_key varchar(1000) not null
);
