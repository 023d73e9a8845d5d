-- When a user last changed their password (their own change, or an admin's reset): NULL while it is still the one
-- they were given, the first start's printed password for the first admin. The first-run checklist reads it.
ALTER TABLE users ADD COLUMN password_changed_at BIGINT;

-- Who put the first-run checklist away, for good: one row per caller ("user:admin", "proxy:alice", "key:3").
CREATE TABLE first_run_dismissals (
    subject TEXT PRIMARY KEY,
    dismissed_at BIGINT NOT NULL
);
