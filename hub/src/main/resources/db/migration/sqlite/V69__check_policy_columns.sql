-- Alert evaluation speed (issue 12 §7). Keep in step with ../postgresql/V69__check_policy_columns.sql.
-- The live-fetched MTA-STS policy as columns beside policy_status and policy_mode, so that the
-- readiness verdict (readiness/LivePolicySource) follows a domain's run of equal policy versions
-- through its stored checks without reading and parsing each check's JSON body.
ALTER TABLE check_result ADD COLUMN policy_mx TEXT;         -- the fetched policy's mx patterns, newline-separated
ALTER TABLE check_result ADD COLUMN policy_max_age BIGINT;  -- its max_age in seconds; null when it gave none

UPDATE check_result SET
    policy_mx = (SELECT group_concat(m.value, char(10)) FROM json_each(check_result.body, '$.mta_sts.mx') m),
    policy_max_age = json_extract(body, '$.mta_sts.max_age')
WHERE json_extract(body, '$.mta_sts') IS NOT NULL;
