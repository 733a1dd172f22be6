-- Reads filtered by organisation (issue 10). Keep in step with ../sqlite/V45__organisation_read_indexes.sql.
-- Reads that start from a domain and find its reports through the policies: the report list's
-- domain search (limited to the organisation's domains), the failure export of one domain, and the
-- domain page's applied policies. Without this index each of them scans every policy row.
CREATE INDEX policy_domain_report ON policy (policy_domain, report_id);
