-- Writer cost (issue 9 §1). Keep in step with ../postgresql/V70__drop_report_range_end_index.sql.
-- Every stored report wrote an entry into this index, and only retention read it
-- (retention/RetentionSql: reports whose range ended before the cut-off). A range never ends before
-- it starts (core's ReportReading refuses that), so retention now narrows by range_start, which
-- report_range_start (V20) indexes for the report lists anyway, and keeps range_end as the rule.
DROP INDEX IF EXISTS report_range_end;
