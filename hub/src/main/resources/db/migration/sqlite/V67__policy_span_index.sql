-- Alert evaluation speed (issue 12 §7). Keep in step with ../postgresql/V67__policy_span_index.sql.
-- The stale-policy rule and the readiness verdict read, per domain, each reporter's first and last
-- day under each applied policy (readiness/ReadinessSql.SPANS: kind 'R' over the whole history). By
-- the primary key that reads every cell of every day of the domain; this index holds only the report
-- cells, in group order, so the read touches a third of the rows and needs no sort.
CREATE INDEX rollup_policy_daily_spans ON rollup_policy_daily (policy_domain, reporter_key, policy_key, day) WHERE kind = 'R';
