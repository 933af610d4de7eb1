-- Keys wrapped with a key-encryption key: the wrapped key and which KEK wrapped it.
ALTER TABLE kim_person_key ADD COLUMN IF NOT EXISTS wrapped VARCHAR(200);
ALTER TABLE kim_person_key ADD COLUMN IF NOT EXISTS kek_id VARCHAR(64);
