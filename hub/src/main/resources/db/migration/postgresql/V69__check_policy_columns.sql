-- Alert evaluation speed (issue 12 §7). Keep in step with ../sqlite/V69__check_policy_columns.sql.
-- The live-fetched MTA-STS policy as columns beside policy_status and policy_mode, so that the
-- readiness verdict (readiness/LivePolicySource) follows a domain's run of equal policy versions
-- through its stored checks without reading and parsing each check's JSON body.
ALTER TABLE check_result ADD COLUMN policy_mx TEXT;         -- the fetched policy's mx patterns, newline-separated
ALTER TABLE check_result ADD COLUMN policy_max_age BIGINT;  -- its max_age in seconds; null when it gave none

UPDATE check_result SET
    policy_mx = (SELECT string_agg(m, E'\n') FROM jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(check_result.body::jsonb #> '{mta_sts,mx}') = 'array'
             THEN check_result.body::jsonb #> '{mta_sts,mx}' ELSE '[]'::jsonb END) AS m),
    policy_max_age = (body::jsonb #>> '{mta_sts,max_age}')::bigint
WHERE body::jsonb -> 'mta_sts' IS NOT NULL;
