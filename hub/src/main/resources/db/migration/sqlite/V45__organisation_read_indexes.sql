-- Reads filtered by organisation (issue 10). Keep in step with ../postgresql/V45__organisation_read_indexes.sql.
-- An organisation's report list and failure export start from its domains (domain_org) and find
-- their reports through the policies: without this index each such read scans every policy row.
CREATE INDEX policy_domain_report ON policy (policy_domain, report_id);
