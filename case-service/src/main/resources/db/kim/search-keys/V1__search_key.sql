-- Each tenant's key of the blind search index (SearchKeys), sealed with a key of the key store.
create table if not exists kim_search_key (
    tenant     varchar(64)   not null primary key,
    sealed_key varchar(1000) not null
);
