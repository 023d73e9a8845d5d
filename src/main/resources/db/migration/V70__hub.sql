-- Integration hub (issue 14).
-- The vault: one sealed value per service and field (AES-256-GCM). key_id names the master key that sealed it
-- (a fingerprint, never the key); nonce and sealed are base64 (TEXT on both databases). Nothing here is readable
-- without the key, which lives outside the database (the key file in the data dir, or HEARTH_MASTER_KEY).
CREATE TABLE hub_vault (
    service TEXT NOT NULL,
    field TEXT NOT NULL,
    key_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    sealed TEXT NOT NULL,
    set_at BIGINT NOT NULL,
    set_by TEXT NOT NULL,
    PRIMARY KEY (service, field)
);
CREATE INDEX hub_vault_key ON hub_vault (key_id);

-- API detection, cached per service for 7 days; a result is reused only for the base URL it was made for.
CREATE TABLE hub_detections (
    service TEXT PRIMARY KEY,
    base_url TEXT NOT NULL,
    result TEXT NOT NULL,                 -- the detected API as JSON
    detected_at BIGINT NOT NULL
);
