-- Alert evaluation speed (issue 12 §7). Keep in step with ../sqlite/V71__policy_type_indexes.sql.
-- The evaluation reads, for a batch of domains, only the sts policies' strings and their spans
-- (readiness/ReadinessSql.applied, spans): a domain reported with a new TLSA policy every day has
-- hundreds of others, which the primary keys would make it read and skip. The first index finds a
-- domain's policies of one type; the second a domain's spans of one policy, with every column the read
-- needs (a span row changes only when a reporter's first or last day moves, once a day at most).
CREATE INDEX rollup_policy_applied_type ON rollup_policy_applied (policy_domain, policy_type);
CREATE INDEX rollup_policy_span_policy ON rollup_policy_span (policy_domain, policy_key, reporter_key, first_day, last_day);
