-- Junk from the open doors (HTTP /tlsrpt, SMTP) expires, so that it cannot fill the disk: input that
-- holds no report at all (not JSON, gzip, zip or an email; mail without a report). expires_at is set
-- when such input is quarantined (quarantine.junk-days) and is null for everything that may be a
-- genuine report, which stays until a person acts. Keep in step with ../postgresql/V32__quarantine_junk_expiry.sql.
ALTER TABLE quarantine ADD COLUMN expires_at BIGINT;
-- The junk quota and the expiry read only junk rows.
CREATE INDEX quarantine_expires_at ON quarantine (expires_at) WHERE expires_at IS NOT NULL;
