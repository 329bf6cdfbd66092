CREATE TABLE `handoff_summaries` (
  id STRING,
  source STRING,
  segment STRING,
  sdr_id STRING,
  ae_id STRING,
  ae_calendar_id STRING,
  sdr_calendar_id STRING,
  status STRING,
  cycles INT64,
  created_at TIMESTAMP,
  first_touch_at TIMESTAMP,
  first_booked_at TIMESTAMP,
  booked_at TIMESTAMP,
  meeting_status STRING,
  meeting_start TIMESTAMP,
  style STRING,
  acknowledged_at TIMESTAMP,
  decision STRING,
  decided_at TIMESTAMP,
  reason STRING,
  first_follow_up_at TIMESTAMP,
  quality INT64,
  accepted_amount FLOAT64,
  accepted_currency STRING,
  won_amount FLOAT64,
  won_currency STRING,
  outcome STRING,
  closed_at TIMESTAMP,
  corrections INT64,
  duplicate_events INT64,
  late_events INT64,
  skipped_events INT64
);

CREATE TABLE `calendar_intervals` (
  calendar_id STRING,
  start_utc TIMESTAMP,
  end_utc TIMESTAMP
);

CREATE TABLE `handoff_events` (
  handoff_id STRING,
  seq INT64,
  event_id STRING,
  event_type STRING,
  event_at TIMESTAMP,
  actor STRING,
  meeting_start TIMESTAMP,
  meeting_end TIMESTAMP,
  reason STRING,
  amount FLOAT64,
  currency STRING,
  score INT64,
  reassigned_role STRING,
  reassigned_to STRING
);

CREATE TABLE `calendar_days` (
  calendar_id STRING,
  local_date STRING,
  day_number INT64,
  business_day INT64,
  day_start_utc TIMESTAMP,
  offset_ms INT64,
  offset_change_utc TIMESTAMP,
  offset_after_ms INT64,
  landing_offset_ms INT64,
  landing_switch_ms INT64,
  landing_offset_after_ms INT64,
  open_utc TIMESTAMP,
  close_utc TIMESTAMP
);

CREATE TABLE `week_starts` (
  time_zone STRING,
  starts_on STRING,
  week_start STRING,
  start_utc TIMESTAMP,
  end_utc TIMESTAMP
);

-- handoff-kit scoreboard (bigquery): as of 2026-11-14T02:00:00.000Z, weeks in America/New_York from sun
WITH instants AS (
  SELECT DISTINCT calendar_id, t_ms FROM (
    SELECT COALESCE(NULLIF(ae_calendar_id, ''), ae_id) AS calendar_id, UNIX_MILLIS(booked_at) AS t_ms
    FROM `handoff_summaries`
    WHERE skipped_events = 0 AND first_follow_up_at >= booked_at
    UNION ALL
    SELECT COALESCE(NULLIF(ae_calendar_id, ''), ae_id) AS calendar_id, UNIX_MILLIS(first_follow_up_at) AS t_ms
    FROM `handoff_summaries`
    WHERE skipped_events = 0 AND first_follow_up_at >= booked_at
  ) follow_up_instants
),
open_intervals AS (
  SELECT calendar_id, start_ms, end_ms,
    SUM(end_ms - start_ms) OVER (PARTITION BY calendar_id ORDER BY start_ms
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - (end_ms - start_ms) AS open_before,
    SUM(end_ms - start_ms) OVER (PARTITION BY calendar_id ORDER BY start_ms
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS open_through
  FROM (
    SELECT DISTINCT calendar_id, UNIX_MILLIS(start_utc) AS start_ms, UNIX_MILLIS(end_utc) AS end_ms
    FROM `calendar_intervals`
    WHERE end_utc > start_utc
  ) distinct_intervals
),
interval_before AS (
  SELECT calendar_id, t_ms, found_ms AS key_ms, start_ms, end_ms, open_before FROM (
    SELECT calendar_id, t_ms, kind, found_ms,
      MAX(start_ms) OVER (PARTITION BY calendar_id, found_ms) AS start_ms,
      MAX(end_ms) OVER (PARTITION BY calendar_id, found_ms) AS end_ms,
      MAX(open_before) OVER (PARTITION BY calendar_id, found_ms) AS open_before
    FROM (
      SELECT calendar_id, t_ms, kind, start_ms, end_ms, open_before, MAX(key_ms) OVER (PARTITION BY calendar_id ORDER BY t_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS found_ms
      FROM (
        SELECT calendar_id, start_ms AS t_ms, 0 AS kind, start_ms AS key_ms, start_ms, end_ms, open_before
        FROM open_intervals interval_before_keys
        WHERE start_ms IS NOT NULL
        UNION ALL
        SELECT DISTINCT calendar_id, t_ms AS t_ms, 1 AS kind,
          CAST(NULL AS INT64) AS key_ms, CAST(NULL AS INT64) AS start_ms, CAST(NULL AS INT64) AS end_ms, CAST(NULL AS INT64) AS open_before
        FROM instants interval_before_instants
        WHERE t_ms IS NOT NULL
      ) interval_before_timeline
    ) interval_before_found
  ) interval_before_carried
  WHERE kind = 1
),
business_before AS (
  SELECT calendar_id, t_ms, COALESCE(i.open_before + LEAST(t_ms - i.start_ms, i.end_ms - i.start_ms), 0) AS b_ms
  FROM interval_before i
),
base AS (
  SELECT
    s.id AS handoff_id,
    COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id) AS ae_calendar,
    COALESCE(NULLIF(s.sdr_calendar_id, ''), s.sdr_id) AS sdr_calendar,
    s.sdr_id,
    s.ae_id,
    s.segment,
    s.source,
    COALESCE(FORMAT_DATE('%Y-%m-%d', DATE_TRUNC(DATE(COALESCE(s.booked_at, s.created_at), 'America/New_York'), WEEK(SUNDAY))), 'none') AS week_start,
    s.status,
    s.cycles,
    s.decision,
    s.outcome,
    s.style,
    CASE WHEN s.decision = 'rejected' THEN COALESCE(NULLIF(s.reason, ''), 'unspecified') END AS reason_code,
    CASE
      WHEN s.meeting_status IN ('held', 'no_show', 'cancelled') THEN s.meeting_status
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') AND s.meeting_start < TIMESTAMP_MILLIS(1794621600000) THEN 'past_unrecorded'
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') THEN 'upcoming'
    END AS meeting,
    -- An SDR-week as one value for COUNT(DISTINCT): the date is fixed-width, so no two pairs collide.
    CASE WHEN s.status <> 'draft' AND s.booked_at IS NOT NULL
      THEN CONCAT(FORMAT_DATE('%Y-%m-%d', DATE_TRUNC(DATE(s.booked_at, 'America/New_York'), WEEK(SUNDAY))), s.sdr_id) END AS sdr_week,
    CASE WHEN s.quality IN (1, 2, 3, 4, 5) THEN s.quality END AS quality,
    CASE WHEN s.decision = 'accepted' AND s.accepted_amount >= 0 AND s.accepted_amount <= 9007199254740991 AND COALESCE(s.accepted_currency, 'USD') = 'USD'
      THEN CAST(s.accepted_amount AS FLOAT64) END AS pipeline_amount,
    CASE WHEN s.outcome = 'won' AND s.won_amount >= 0 AND s.won_amount <= 9007199254740991 AND COALESCE(s.won_currency, 'USD') = 'USD'
      THEN CAST(s.won_amount AS FLOAT64) END AS deal_amount,
    CASE WHEN s.first_follow_up_at >= s.booked_at THEN CAST(UNIX_MILLIS(s.first_follow_up_at) - UNIX_MILLIS(s.booked_at) AS FLOAT64) END AS follow_up,
    CASE WHEN s.first_follow_up_at >= s.booked_at AND known.calendar_id IS NOT NULL
        THEN CAST(at_follow_up.b_ms - at_booked.b_ms AS FLOAT64) END AS follow_up_business,
    CASE WHEN s.first_booked_at >= s.first_touch_at THEN CAST(UNIX_MILLIS(s.first_booked_at) - UNIX_MILLIS(s.first_touch_at) AS FLOAT64) END AS touch_to_booked
  FROM `handoff_summaries` s
  LEFT JOIN (SELECT DISTINCT calendar_id FROM `calendar_intervals`) known
    ON known.calendar_id = COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id)
  LEFT JOIN business_before at_booked
    ON at_booked.calendar_id = COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id) AND at_booked.t_ms = UNIX_MILLIS(s.booked_at)
  LEFT JOIN business_before at_follow_up
    ON at_follow_up.calendar_id = COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id) AND at_follow_up.t_ms = UNIX_MILLIS(s.first_follow_up_at)
  WHERE s.sdr_id IS NOT NULL AND s.sdr_id <> ''
    AND s.ae_id IS NOT NULL AND s.ae_id <> ''
    AND s.segment IS NOT NULL AND s.segment <> ''
    AND s.source IN ('outbound', 'inbound', 'partner')
    AND s.status IN ('draft', 'booked', 'accepted', 'rejected', 'recycled', 'won', 'lost')
    AND s.meeting_status IN ('none', 'scheduled', 'rescheduled', 'held', 'no_show', 'cancelled')
    AND s.cycles >= 0
    AND s.skipped_events = 0
    AND ((s.status = 'draft' AND s.cycles = 0) OR (s.status <> 'draft' AND s.cycles > 0))
    AND ((s.status = 'draft' AND s.decision IS NULL AND s.outcome IS NULL AND s.meeting_status = 'none')
      OR (s.status = 'booked' AND s.decision IS NULL AND s.outcome IS NULL)
      OR (s.status = 'accepted' AND s.decision = 'accepted' AND s.outcome IS NULL)
      OR (s.status IN ('won', 'lost') AND s.decision = 'accepted' AND s.outcome = s.status)
      OR (s.status IN ('rejected', 'recycled') AND s.decision = 'rejected' AND s.outcome IS NULL))
),
ranked_overall_ranks AS (
  SELECT base.*,
    (ROW_NUMBER() OVER (PARTITION BY CASE WHEN follow_up IS NULL THEN 1 ELSE 0 END ORDER BY follow_up) - 1) AS follow_up_rank,
    COUNT(follow_up) OVER () AS follow_up_n,
    (ROW_NUMBER() OVER (PARTITION BY CASE WHEN follow_up_business IS NULL THEN 1 ELSE 0 END ORDER BY follow_up_business) - 1) AS follow_up_business_rank,
    COUNT(follow_up_business) OVER () AS follow_up_business_n,
    (ROW_NUMBER() OVER (PARTITION BY CASE WHEN touch_to_booked IS NULL THEN 1 ELSE 0 END ORDER BY touch_to_booked) - 1) AS touch_to_booked_rank,
    COUNT(touch_to_booked) OVER () AS touch_to_booked_n
  FROM base
),
ranked_overall AS (
  SELECT ranked_overall_ranks.*,
    CASE WHEN follow_up_rank = FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) THEN follow_up END AS follow_up_at50,
    CASE WHEN follow_up_rank = FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) + 1 THEN follow_up END AS follow_up_next50,
    (CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64)) - FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) AS follow_up_fraction50,
    CASE WHEN follow_up_rank = FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) THEN follow_up END AS follow_up_at90,
    CASE WHEN follow_up_rank = FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) + 1 THEN follow_up END AS follow_up_next90,
    (CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64)) - FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) AS follow_up_fraction90,
    CASE WHEN follow_up_business_rank = FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) THEN follow_up_business END AS follow_up_business_at50,
    CASE WHEN follow_up_business_rank = FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) + 1 THEN follow_up_business END AS follow_up_business_next50,
    (CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64)) - FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) AS follow_up_business_fraction50,
    CASE WHEN follow_up_business_rank = FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) THEN follow_up_business END AS follow_up_business_at90,
    CASE WHEN follow_up_business_rank = FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) + 1 THEN follow_up_business END AS follow_up_business_next90,
    (CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64)) - FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) AS follow_up_business_fraction90,
    CASE WHEN touch_to_booked_rank = FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) THEN touch_to_booked END AS touch_to_booked_at50,
    CASE WHEN touch_to_booked_rank = FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) + 1 THEN touch_to_booked END AS touch_to_booked_next50,
    (CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64)) - FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) AS touch_to_booked_fraction50,
    CASE WHEN touch_to_booked_rank = FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) THEN touch_to_booked END AS touch_to_booked_at90,
    CASE WHEN touch_to_booked_rank = FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) + 1 THEN touch_to_booked END AS touch_to_booked_next90,
    (CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64)) - FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) AS touch_to_booked_fraction90
  FROM ranked_overall_ranks
),
ranked_groups_ranks AS (
  SELECT base.*,
    (ROW_NUMBER() OVER (PARTITION BY sdr_id, week_start, CASE WHEN follow_up IS NULL THEN 1 ELSE 0 END ORDER BY follow_up) - 1) AS follow_up_rank,
    COUNT(follow_up) OVER (PARTITION BY sdr_id, week_start) AS follow_up_n,
    (ROW_NUMBER() OVER (PARTITION BY sdr_id, week_start, CASE WHEN follow_up_business IS NULL THEN 1 ELSE 0 END ORDER BY follow_up_business) - 1) AS follow_up_business_rank,
    COUNT(follow_up_business) OVER (PARTITION BY sdr_id, week_start) AS follow_up_business_n,
    (ROW_NUMBER() OVER (PARTITION BY sdr_id, week_start, CASE WHEN touch_to_booked IS NULL THEN 1 ELSE 0 END ORDER BY touch_to_booked) - 1) AS touch_to_booked_rank,
    COUNT(touch_to_booked) OVER (PARTITION BY sdr_id, week_start) AS touch_to_booked_n
  FROM base
),
ranked_groups AS (
  SELECT ranked_groups_ranks.*,
    CASE WHEN follow_up_rank = FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) THEN follow_up END AS follow_up_at50,
    CASE WHEN follow_up_rank = FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) + 1 THEN follow_up END AS follow_up_next50,
    (CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64)) - FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) AS follow_up_fraction50,
    CASE WHEN follow_up_rank = FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) THEN follow_up END AS follow_up_at90,
    CASE WHEN follow_up_rank = FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) + 1 THEN follow_up END AS follow_up_next90,
    (CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64)) - FLOOR((CAST(follow_up_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) AS follow_up_fraction90,
    CASE WHEN follow_up_business_rank = FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) THEN follow_up_business END AS follow_up_business_at50,
    CASE WHEN follow_up_business_rank = FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) + 1 THEN follow_up_business END AS follow_up_business_next50,
    (CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64)) - FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) AS follow_up_business_fraction50,
    CASE WHEN follow_up_business_rank = FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) THEN follow_up_business END AS follow_up_business_at90,
    CASE WHEN follow_up_business_rank = FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) + 1 THEN follow_up_business END AS follow_up_business_next90,
    (CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64)) - FLOOR((CAST(follow_up_business_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) AS follow_up_business_fraction90,
    CASE WHEN touch_to_booked_rank = FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) THEN touch_to_booked END AS touch_to_booked_at50,
    CASE WHEN touch_to_booked_rank = FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) + 1 THEN touch_to_booked END AS touch_to_booked_next50,
    (CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64)) - FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.5' AS FLOAT64))) AS touch_to_booked_fraction50,
    CASE WHEN touch_to_booked_rank = FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) THEN touch_to_booked END AS touch_to_booked_at90,
    CASE WHEN touch_to_booked_rank = FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) + 1 THEN touch_to_booked END AS touch_to_booked_next90,
    (CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64)) - FLOOR((CAST(touch_to_booked_n - 1 AS FLOAT64) * CAST('0.9' AS FLOAT64))) AS touch_to_booked_fraction90
  FROM ranked_groups_ranks
),
levels AS (
  SELECT
    'overall' AS scope,
    CAST(NULL AS STRING) AS sdr_id,
    CAST(NULL AS STRING) AS week_start,
    COUNT(*) AS handoffs,
    COUNT(CASE WHEN status <> 'draft' THEN 1 END) AS booked,
    COUNT(DISTINCT sdr_week) AS sdr_weeks,
    COUNT(CASE WHEN meeting = 'held' THEN 1 END) AS held,
    COUNT(CASE WHEN meeting = 'no_show' THEN 1 END) AS no_show,
    COUNT(CASE WHEN meeting = 'cancelled' THEN 1 END) AS cancelled,
    COUNT(CASE WHEN meeting = 'upcoming' THEN 1 END) AS upcoming,
    COUNT(CASE WHEN meeting = 'past_unrecorded' THEN 1 END) AS past_unrecorded,
    COUNT(CASE WHEN meeting = 'held' AND style = 'warm' THEN 1 END) AS held_warm,
    COUNT(CASE WHEN meeting IN ('held', 'no_show', 'cancelled', 'past_unrecorded') AND style = 'warm' THEN 1 END) AS due_warm,
    COUNT(CASE WHEN meeting = 'held' AND style = 'cold' THEN 1 END) AS held_cold,
    COUNT(CASE WHEN meeting IN ('held', 'no_show', 'cancelled', 'past_unrecorded') AND style = 'cold' THEN 1 END) AS due_cold,
    COUNT(CASE WHEN decision = 'accepted' THEN 1 END) AS accepted,
    COUNT(CASE WHEN decision = 'rejected' THEN 1 END) AS rejected,
    COUNT(CASE WHEN status = 'recycled' OR cycles > 1 OR decision = 'rejected' THEN 1 END) AS rejected_ever,
    COUNT(CASE WHEN status = 'recycled' OR cycles > 1 THEN 1 END) AS recycled_ever,
    COUNT(CASE WHEN cycles > 1 THEN 1 END) AS rebooked,
    COUNT(CASE WHEN decision = 'accepted' AND source = 'outbound' THEN 1 END) AS opportunities_sdr_sourced,
    COUNT(CASE WHEN outcome = 'won' THEN 1 END) AS won,
    COUNT(CASE WHEN outcome = 'won' AND source = 'outbound' THEN 1 END) AS won_sdr_sourced,
    COUNT(CASE WHEN outcome = 'won' AND source = 'inbound' THEN 1 END) AS won_inbound,
    COUNT(CASE WHEN outcome = 'lost' THEN 1 END) AS lost,
    COUNT(CASE WHEN outcome = 'lost' AND source = 'outbound' THEN 1 END) AS lost_sdr_sourced,
    COUNT(CASE WHEN outcome = 'lost' AND source = 'inbound' THEN 1 END) AS lost_inbound,
    COUNT(CASE WHEN deal_amount IS NOT NULL THEN deal_amount END) AS deals,
    COUNT(CASE WHEN deal_amount IS NOT NULL AND source = 'outbound' THEN deal_amount END) AS deals_sdr_sourced,
    COUNT(CASE WHEN deal_amount IS NOT NULL AND source = 'inbound' THEN deal_amount END) AS deals_inbound,
    SUM(CASE WHEN deal_amount IS NOT NULL THEN deal_amount END) AS deal_sum,
    SUM(CASE WHEN deal_amount IS NOT NULL AND source = 'outbound' THEN deal_amount END) AS deal_sum_sdr_sourced,
    SUM(CASE WHEN deal_amount IS NOT NULL AND source = 'inbound' THEN deal_amount END) AS deal_sum_inbound,
    SUM(CASE WHEN deal_amount IS NOT NULL THEN deal_amount * deal_amount END) AS deal_squares,
    SUM(CASE WHEN deal_amount IS NOT NULL AND source = 'outbound' THEN deal_amount * deal_amount END) AS deal_squares_sdr_sourced,
    SUM(CASE WHEN deal_amount IS NOT NULL AND source = 'inbound' THEN deal_amount * deal_amount END) AS deal_squares_inbound,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL THEN pipeline_amount END), CAST(0 AS FLOAT64)) AS pipeline,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL AND source = 'outbound' THEN pipeline_amount END), CAST(0 AS FLOAT64)) AS pipeline_sdr_sourced,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL AND source = 'inbound' THEN pipeline_amount END), CAST(0 AS FLOAT64)) AS pipeline_inbound,
    COUNT(quality) AS quality_count,
    CAST(SUM(quality) AS FLOAT64) AS quality_sum,
    CAST(SUM(quality * quality) AS FLOAT64) AS quality_squares,
    COUNT(CASE WHEN quality = 1 THEN 1 END) AS quality_1,
    COUNT(CASE WHEN quality = 2 THEN 1 END) AS quality_2,
    COUNT(CASE WHEN quality = 3 THEN 1 END) AS quality_3,
    COUNT(CASE WHEN quality = 4 THEN 1 END) AS quality_4,
    COUNT(CASE WHEN quality = 5 THEN 1 END) AS quality_5,
    COUNT(follow_up) AS follow_up_count,
    SUM(follow_up) AS follow_up_sum,
    MAX(follow_up_at50) + MAX(follow_up_fraction50) * (COALESCE(MAX(follow_up_next50), MAX(follow_up_at50)) - MAX(follow_up_at50)) AS follow_up_median,
    MAX(follow_up_at90) + MAX(follow_up_fraction90) * (COALESCE(MAX(follow_up_next90), MAX(follow_up_at90)) - MAX(follow_up_at90)) AS follow_up_p90,
    COUNT(follow_up_business) AS follow_up_business_count,
    SUM(follow_up_business) AS follow_up_business_sum,
    MAX(follow_up_business_at50) + MAX(follow_up_business_fraction50) * (COALESCE(MAX(follow_up_business_next50), MAX(follow_up_business_at50)) - MAX(follow_up_business_at50)) AS follow_up_business_median,
    MAX(follow_up_business_at90) + MAX(follow_up_business_fraction90) * (COALESCE(MAX(follow_up_business_next90), MAX(follow_up_business_at90)) - MAX(follow_up_business_at90)) AS follow_up_business_p90,
    COUNT(touch_to_booked) AS touch_to_booked_count,
    SUM(touch_to_booked) AS touch_to_booked_sum,
    MAX(touch_to_booked_at50) + MAX(touch_to_booked_fraction50) * (COALESCE(MAX(touch_to_booked_next50), MAX(touch_to_booked_at50)) - MAX(touch_to_booked_at50)) AS touch_to_booked_median,
    MAX(touch_to_booked_at90) + MAX(touch_to_booked_fraction90) * (COALESCE(MAX(touch_to_booked_next90), MAX(touch_to_booked_at90)) - MAX(touch_to_booked_at90)) AS touch_to_booked_p90
  FROM ranked_overall
  UNION ALL
  SELECT
    'group' AS scope,
    sdr_id,
    week_start,
    COUNT(*) AS handoffs,
    COUNT(CASE WHEN status <> 'draft' THEN 1 END) AS booked,
    COUNT(DISTINCT sdr_week) AS sdr_weeks,
    COUNT(CASE WHEN meeting = 'held' THEN 1 END) AS held,
    COUNT(CASE WHEN meeting = 'no_show' THEN 1 END) AS no_show,
    COUNT(CASE WHEN meeting = 'cancelled' THEN 1 END) AS cancelled,
    COUNT(CASE WHEN meeting = 'upcoming' THEN 1 END) AS upcoming,
    COUNT(CASE WHEN meeting = 'past_unrecorded' THEN 1 END) AS past_unrecorded,
    COUNT(CASE WHEN meeting = 'held' AND style = 'warm' THEN 1 END) AS held_warm,
    COUNT(CASE WHEN meeting IN ('held', 'no_show', 'cancelled', 'past_unrecorded') AND style = 'warm' THEN 1 END) AS due_warm,
    COUNT(CASE WHEN meeting = 'held' AND style = 'cold' THEN 1 END) AS held_cold,
    COUNT(CASE WHEN meeting IN ('held', 'no_show', 'cancelled', 'past_unrecorded') AND style = 'cold' THEN 1 END) AS due_cold,
    COUNT(CASE WHEN decision = 'accepted' THEN 1 END) AS accepted,
    COUNT(CASE WHEN decision = 'rejected' THEN 1 END) AS rejected,
    COUNT(CASE WHEN status = 'recycled' OR cycles > 1 OR decision = 'rejected' THEN 1 END) AS rejected_ever,
    COUNT(CASE WHEN status = 'recycled' OR cycles > 1 THEN 1 END) AS recycled_ever,
    COUNT(CASE WHEN cycles > 1 THEN 1 END) AS rebooked,
    COUNT(CASE WHEN decision = 'accepted' AND source = 'outbound' THEN 1 END) AS opportunities_sdr_sourced,
    COUNT(CASE WHEN outcome = 'won' THEN 1 END) AS won,
    COUNT(CASE WHEN outcome = 'won' AND source = 'outbound' THEN 1 END) AS won_sdr_sourced,
    COUNT(CASE WHEN outcome = 'won' AND source = 'inbound' THEN 1 END) AS won_inbound,
    COUNT(CASE WHEN outcome = 'lost' THEN 1 END) AS lost,
    COUNT(CASE WHEN outcome = 'lost' AND source = 'outbound' THEN 1 END) AS lost_sdr_sourced,
    COUNT(CASE WHEN outcome = 'lost' AND source = 'inbound' THEN 1 END) AS lost_inbound,
    COUNT(CASE WHEN deal_amount IS NOT NULL THEN deal_amount END) AS deals,
    COUNT(CASE WHEN deal_amount IS NOT NULL AND source = 'outbound' THEN deal_amount END) AS deals_sdr_sourced,
    COUNT(CASE WHEN deal_amount IS NOT NULL AND source = 'inbound' THEN deal_amount END) AS deals_inbound,
    SUM(CASE WHEN deal_amount IS NOT NULL THEN deal_amount END) AS deal_sum,
    SUM(CASE WHEN deal_amount IS NOT NULL AND source = 'outbound' THEN deal_amount END) AS deal_sum_sdr_sourced,
    SUM(CASE WHEN deal_amount IS NOT NULL AND source = 'inbound' THEN deal_amount END) AS deal_sum_inbound,
    SUM(CASE WHEN deal_amount IS NOT NULL THEN deal_amount * deal_amount END) AS deal_squares,
    SUM(CASE WHEN deal_amount IS NOT NULL AND source = 'outbound' THEN deal_amount * deal_amount END) AS deal_squares_sdr_sourced,
    SUM(CASE WHEN deal_amount IS NOT NULL AND source = 'inbound' THEN deal_amount * deal_amount END) AS deal_squares_inbound,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL THEN pipeline_amount END), CAST(0 AS FLOAT64)) AS pipeline,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL AND source = 'outbound' THEN pipeline_amount END), CAST(0 AS FLOAT64)) AS pipeline_sdr_sourced,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL AND source = 'inbound' THEN pipeline_amount END), CAST(0 AS FLOAT64)) AS pipeline_inbound,
    COUNT(quality) AS quality_count,
    CAST(SUM(quality) AS FLOAT64) AS quality_sum,
    CAST(SUM(quality * quality) AS FLOAT64) AS quality_squares,
    COUNT(CASE WHEN quality = 1 THEN 1 END) AS quality_1,
    COUNT(CASE WHEN quality = 2 THEN 1 END) AS quality_2,
    COUNT(CASE WHEN quality = 3 THEN 1 END) AS quality_3,
    COUNT(CASE WHEN quality = 4 THEN 1 END) AS quality_4,
    COUNT(CASE WHEN quality = 5 THEN 1 END) AS quality_5,
    COUNT(follow_up) AS follow_up_count,
    SUM(follow_up) AS follow_up_sum,
    MAX(follow_up_at50) + MAX(follow_up_fraction50) * (COALESCE(MAX(follow_up_next50), MAX(follow_up_at50)) - MAX(follow_up_at50)) AS follow_up_median,
    MAX(follow_up_at90) + MAX(follow_up_fraction90) * (COALESCE(MAX(follow_up_next90), MAX(follow_up_at90)) - MAX(follow_up_at90)) AS follow_up_p90,
    COUNT(follow_up_business) AS follow_up_business_count,
    SUM(follow_up_business) AS follow_up_business_sum,
    MAX(follow_up_business_at50) + MAX(follow_up_business_fraction50) * (COALESCE(MAX(follow_up_business_next50), MAX(follow_up_business_at50)) - MAX(follow_up_business_at50)) AS follow_up_business_median,
    MAX(follow_up_business_at90) + MAX(follow_up_business_fraction90) * (COALESCE(MAX(follow_up_business_next90), MAX(follow_up_business_at90)) - MAX(follow_up_business_at90)) AS follow_up_business_p90,
    COUNT(touch_to_booked) AS touch_to_booked_count,
    SUM(touch_to_booked) AS touch_to_booked_sum,
    MAX(touch_to_booked_at50) + MAX(touch_to_booked_fraction50) * (COALESCE(MAX(touch_to_booked_next50), MAX(touch_to_booked_at50)) - MAX(touch_to_booked_at50)) AS touch_to_booked_median,
    MAX(touch_to_booked_at90) + MAX(touch_to_booked_fraction90) * (COALESCE(MAX(touch_to_booked_next90), MAX(touch_to_booked_at90)) - MAX(touch_to_booked_at90)) AS touch_to_booked_p90
  FROM ranked_groups
  GROUP BY sdr_id, week_start
),
params AS (
  SELECT CAST('1.9599639845400543' AS FLOAT64) AS z
)
SELECT
  scope,
  sdr_id,
  week_start,
  handoffs,
  booked AS meetings_booked,
  (CAST(accepted AS FLOAT64) / CAST(NULLIF(sdr_weeks, 0) AS FLOAT64)) AS qualified_meetings_per_sdr_week,
  accepted AS qualified_meetings_per_sdr_week_numerator,
  sdr_weeks AS qualified_meetings_per_sdr_week_denominator,
  CASE WHEN sdr_weeks > 0 THEN GREATEST(CAST(0 AS FLOAT64), ((CAST(accepted AS FLOAT64) + (params.z * params.z) / 2) - (params.z * SQRT(CAST(accepted AS FLOAT64) + (params.z * params.z) / 4))) / CAST(NULLIF(sdr_weeks, 0) AS FLOAT64)) END AS qualified_meetings_per_sdr_week_low,
  CASE WHEN sdr_weeks > 0 THEN ((CAST(accepted AS FLOAT64) + (params.z * params.z) / 2) + (params.z * SQRT(CAST(accepted AS FLOAT64) + (params.z * params.z) / 4))) / CAST(NULLIF(sdr_weeks, 0) AS FLOAT64) END AS qualified_meetings_per_sdr_week_high,
  (sdr_weeks < 10) AS qualified_meetings_per_sdr_week_low_sample,
  (CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)) AS held_rate,
  held AS held_rate_numerator,
  held + no_show + cancelled + past_unrecorded AS held_rate_denominator,
  CASE WHEN held + no_show + cancelled + past_unrecorded > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)), (((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)))) * SQRT(((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)) * (1 - (CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)))) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)) / (4 * CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)))))) END AS held_rate_low,
  CASE WHEN held + no_show + cancelled + past_unrecorded > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)), (((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)))) * SQRT(((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)) * (1 - (CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)))) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)) / (4 * CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS FLOAT64)))))) END AS held_rate_high,
  (held + no_show + cancelled + past_unrecorded < 10) AS held_rate_low_sample,
  (CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)) AS show_rate,
  held AS show_rate_numerator,
  held + no_show AS show_rate_denominator,
  CASE WHEN held + no_show > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)), (((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)))) * SQRT(((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)) * (1 - (CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)))) / CAST(NULLIF(held + no_show, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)) / (4 * CAST(NULLIF(held + no_show, 0) AS FLOAT64)))))) END AS show_rate_low,
  CASE WHEN held + no_show > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)), (((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)))) * SQRT(((CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)) * (1 - (CAST(held AS FLOAT64) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)))) / CAST(NULLIF(held + no_show, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS FLOAT64)) / (4 * CAST(NULLIF(held + no_show, 0) AS FLOAT64)))))) END AS show_rate_high,
  (held + no_show < 10) AS show_rate_low_sample,
  (CAST(no_show AS FLOAT64) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)) AS no_show_rate,
  no_show AS no_show_rate_numerator,
  held + no_show + past_unrecorded AS no_show_rate_denominator,
  CASE WHEN held + no_show + past_unrecorded > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(no_show AS FLOAT64) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)), (((CAST(no_show AS FLOAT64) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)))) * SQRT(((CAST(no_show AS FLOAT64) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)) * (1 - (CAST(no_show AS FLOAT64) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)))) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)) / (4 * CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)))))) END AS no_show_rate_low,
  CASE WHEN held + no_show + past_unrecorded > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(no_show AS FLOAT64) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)), (((CAST(no_show AS FLOAT64) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)))) * SQRT(((CAST(no_show AS FLOAT64) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)) * (1 - (CAST(no_show AS FLOAT64) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)))) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)) / (4 * CAST(NULLIF(held + no_show + past_unrecorded, 0) AS FLOAT64)))))) END AS no_show_rate_high,
  (held + no_show + past_unrecorded < 10) AS no_show_rate_low_sample,
  (CAST(held_warm AS FLOAT64) / CAST(NULLIF(due_warm, 0) AS FLOAT64)) AS held_rate_warm,
  held_warm AS held_rate_warm_numerator,
  due_warm AS held_rate_warm_denominator,
  CASE WHEN due_warm > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(held_warm AS FLOAT64) / CAST(NULLIF(due_warm, 0) AS FLOAT64)), (((CAST(held_warm AS FLOAT64) / CAST(NULLIF(due_warm, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS FLOAT64)))) * SQRT(((CAST(held_warm AS FLOAT64) / CAST(NULLIF(due_warm, 0) AS FLOAT64)) * (1 - (CAST(held_warm AS FLOAT64) / CAST(NULLIF(due_warm, 0) AS FLOAT64)))) / CAST(NULLIF(due_warm, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS FLOAT64)) / (4 * CAST(NULLIF(due_warm, 0) AS FLOAT64)))))) END AS held_rate_warm_low,
  CASE WHEN due_warm > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(held_warm AS FLOAT64) / CAST(NULLIF(due_warm, 0) AS FLOAT64)), (((CAST(held_warm AS FLOAT64) / CAST(NULLIF(due_warm, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS FLOAT64)))) * SQRT(((CAST(held_warm AS FLOAT64) / CAST(NULLIF(due_warm, 0) AS FLOAT64)) * (1 - (CAST(held_warm AS FLOAT64) / CAST(NULLIF(due_warm, 0) AS FLOAT64)))) / CAST(NULLIF(due_warm, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS FLOAT64)) / (4 * CAST(NULLIF(due_warm, 0) AS FLOAT64)))))) END AS held_rate_warm_high,
  (due_warm < 10) AS held_rate_warm_low_sample,
  (CAST(held_cold AS FLOAT64) / CAST(NULLIF(due_cold, 0) AS FLOAT64)) AS held_rate_cold,
  held_cold AS held_rate_cold_numerator,
  due_cold AS held_rate_cold_denominator,
  CASE WHEN due_cold > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(held_cold AS FLOAT64) / CAST(NULLIF(due_cold, 0) AS FLOAT64)), (((CAST(held_cold AS FLOAT64) / CAST(NULLIF(due_cold, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS FLOAT64)))) * SQRT(((CAST(held_cold AS FLOAT64) / CAST(NULLIF(due_cold, 0) AS FLOAT64)) * (1 - (CAST(held_cold AS FLOAT64) / CAST(NULLIF(due_cold, 0) AS FLOAT64)))) / CAST(NULLIF(due_cold, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS FLOAT64)) / (4 * CAST(NULLIF(due_cold, 0) AS FLOAT64)))))) END AS held_rate_cold_low,
  CASE WHEN due_cold > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(held_cold AS FLOAT64) / CAST(NULLIF(due_cold, 0) AS FLOAT64)), (((CAST(held_cold AS FLOAT64) / CAST(NULLIF(due_cold, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS FLOAT64)))) * SQRT(((CAST(held_cold AS FLOAT64) / CAST(NULLIF(due_cold, 0) AS FLOAT64)) * (1 - (CAST(held_cold AS FLOAT64) / CAST(NULLIF(due_cold, 0) AS FLOAT64)))) / CAST(NULLIF(due_cold, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS FLOAT64)) / (4 * CAST(NULLIF(due_cold, 0) AS FLOAT64)))))) END AS held_rate_cold_high,
  (due_cold < 10) AS held_rate_cold_low_sample,
  held AS meetings_held,
  no_show AS meetings_no_show,
  cancelled AS meetings_cancelled,
  upcoming AS meetings_upcoming,
  past_unrecorded AS meetings_past_unrecorded,
  (CAST(accepted AS FLOAT64) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)) AS acceptance_rate,
  accepted AS acceptance_rate_numerator,
  accepted + rejected AS acceptance_rate_denominator,
  CASE WHEN accepted + rejected > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(accepted AS FLOAT64) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)), (((CAST(accepted AS FLOAT64) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)))) * SQRT(((CAST(accepted AS FLOAT64) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)) * (1 - (CAST(accepted AS FLOAT64) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)))) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)) / (4 * CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)))))) END AS acceptance_rate_low,
  CASE WHEN accepted + rejected > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(accepted AS FLOAT64) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)), (((CAST(accepted AS FLOAT64) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)))) * SQRT(((CAST(accepted AS FLOAT64) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)) * (1 - (CAST(accepted AS FLOAT64) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)))) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)) / (4 * CAST(NULLIF(accepted + rejected, 0) AS FLOAT64)))))) END AS acceptance_rate_high,
  (accepted + rejected < 10) AS acceptance_rate_low_sample,
  (CAST(accepted AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) AS handoff_to_opportunity_rate,
  accepted AS handoff_to_opportunity_rate_numerator,
  booked AS handoff_to_opportunity_rate_denominator,
  CASE WHEN booked > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(accepted AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)), (((CAST(accepted AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)))) * SQRT(((CAST(accepted AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) * (1 - (CAST(accepted AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)))) / CAST(NULLIF(booked, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)) / (4 * CAST(NULLIF(booked, 0) AS FLOAT64)))))) END AS handoff_to_opportunity_rate_low,
  CASE WHEN booked > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(accepted AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)), (((CAST(accepted AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)))) * SQRT(((CAST(accepted AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) * (1 - (CAST(accepted AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)))) / CAST(NULLIF(booked, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)) / (4 * CAST(NULLIF(booked, 0) AS FLOAT64)))))) END AS handoff_to_opportunity_rate_high,
  (booked < 10) AS handoff_to_opportunity_rate_low_sample,
  (CAST(recycled_ever AS FLOAT64) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)) AS recycle_rate,
  recycled_ever AS recycle_rate_numerator,
  rejected_ever AS recycle_rate_denominator,
  CASE WHEN rejected_ever > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(recycled_ever AS FLOAT64) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)), (((CAST(recycled_ever AS FLOAT64) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)))) * SQRT(((CAST(recycled_ever AS FLOAT64) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)) * (1 - (CAST(recycled_ever AS FLOAT64) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)))) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)) / (4 * CAST(NULLIF(rejected_ever, 0) AS FLOAT64)))))) END AS recycle_rate_low,
  CASE WHEN rejected_ever > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(recycled_ever AS FLOAT64) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)), (((CAST(recycled_ever AS FLOAT64) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)))) * SQRT(((CAST(recycled_ever AS FLOAT64) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)) * (1 - (CAST(recycled_ever AS FLOAT64) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)))) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS FLOAT64)) / (4 * CAST(NULLIF(rejected_ever, 0) AS FLOAT64)))))) END AS recycle_rate_high,
  (rejected_ever < 10) AS recycle_rate_low_sample,
  (CAST(rebooked AS FLOAT64) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)) AS recycle_to_rebooked_rate,
  rebooked AS recycle_to_rebooked_rate_numerator,
  recycled_ever AS recycle_to_rebooked_rate_denominator,
  CASE WHEN recycled_ever > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(rebooked AS FLOAT64) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)), (((CAST(rebooked AS FLOAT64) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)))) * SQRT(((CAST(rebooked AS FLOAT64) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)) * (1 - (CAST(rebooked AS FLOAT64) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)))) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)) / (4 * CAST(NULLIF(recycled_ever, 0) AS FLOAT64)))))) END AS recycle_to_rebooked_rate_low,
  CASE WHEN recycled_ever > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(rebooked AS FLOAT64) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)), (((CAST(rebooked AS FLOAT64) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)))) * SQRT(((CAST(rebooked AS FLOAT64) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)) * (1 - (CAST(rebooked AS FLOAT64) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)))) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS FLOAT64)) / (4 * CAST(NULLIF(recycled_ever, 0) AS FLOAT64)))))) END AS recycle_to_rebooked_rate_high,
  (recycled_ever < 10) AS recycle_to_rebooked_rate_low_sample,
  (CAST(won AS FLOAT64) / CAST(NULLIF(won + lost, 0) AS FLOAT64)) AS win_rate,
  won AS win_rate_numerator,
  won + lost AS win_rate_denominator,
  CASE WHEN won + lost > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(won AS FLOAT64) / CAST(NULLIF(won + lost, 0) AS FLOAT64)), (((CAST(won AS FLOAT64) / CAST(NULLIF(won + lost, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS FLOAT64)))) * SQRT(((CAST(won AS FLOAT64) / CAST(NULLIF(won + lost, 0) AS FLOAT64)) * (1 - (CAST(won AS FLOAT64) / CAST(NULLIF(won + lost, 0) AS FLOAT64)))) / CAST(NULLIF(won + lost, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS FLOAT64)) / (4 * CAST(NULLIF(won + lost, 0) AS FLOAT64)))))) END AS win_rate_low,
  CASE WHEN won + lost > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(won AS FLOAT64) / CAST(NULLIF(won + lost, 0) AS FLOAT64)), (((CAST(won AS FLOAT64) / CAST(NULLIF(won + lost, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS FLOAT64)))) * SQRT(((CAST(won AS FLOAT64) / CAST(NULLIF(won + lost, 0) AS FLOAT64)) * (1 - (CAST(won AS FLOAT64) / CAST(NULLIF(won + lost, 0) AS FLOAT64)))) / CAST(NULLIF(won + lost, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS FLOAT64)) / (4 * CAST(NULLIF(won + lost, 0) AS FLOAT64)))))) END AS win_rate_high,
  (won + lost < 10) AS win_rate_low_sample,
  (CAST(won_sdr_sourced AS FLOAT64) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)) AS win_rate_sdr_sourced,
  won_sdr_sourced AS win_rate_sdr_sourced_numerator,
  won_sdr_sourced + lost_sdr_sourced AS win_rate_sdr_sourced_denominator,
  CASE WHEN won_sdr_sourced + lost_sdr_sourced > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(won_sdr_sourced AS FLOAT64) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)), (((CAST(won_sdr_sourced AS FLOAT64) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)))) * SQRT(((CAST(won_sdr_sourced AS FLOAT64) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)) * (1 - (CAST(won_sdr_sourced AS FLOAT64) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)))) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)) / (4 * CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)))))) END AS win_rate_sdr_sourced_low,
  CASE WHEN won_sdr_sourced + lost_sdr_sourced > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(won_sdr_sourced AS FLOAT64) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)), (((CAST(won_sdr_sourced AS FLOAT64) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)))) * SQRT(((CAST(won_sdr_sourced AS FLOAT64) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)) * (1 - (CAST(won_sdr_sourced AS FLOAT64) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)))) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)) / (4 * CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS FLOAT64)))))) END AS win_rate_sdr_sourced_high,
  (won_sdr_sourced + lost_sdr_sourced < 10) AS win_rate_sdr_sourced_low_sample,
  (CAST(won_inbound AS FLOAT64) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)) AS win_rate_inbound,
  won_inbound AS win_rate_inbound_numerator,
  won_inbound + lost_inbound AS win_rate_inbound_denominator,
  CASE WHEN won_inbound + lost_inbound > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(won_inbound AS FLOAT64) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)), (((CAST(won_inbound AS FLOAT64) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)))) * SQRT(((CAST(won_inbound AS FLOAT64) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)) * (1 - (CAST(won_inbound AS FLOAT64) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)))) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)) / (4 * CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)))))) END AS win_rate_inbound_low,
  CASE WHEN won_inbound + lost_inbound > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(won_inbound AS FLOAT64) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)), (((CAST(won_inbound AS FLOAT64) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)))) * SQRT(((CAST(won_inbound AS FLOAT64) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)) * (1 - (CAST(won_inbound AS FLOAT64) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)))) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)) / (4 * CAST(NULLIF(won_inbound + lost_inbound, 0) AS FLOAT64)))))) END AS win_rate_inbound_high,
  (won_inbound + lost_inbound < 10) AS win_rate_inbound_low_sample,
  (CAST(deal_sum AS FLOAT64) / CAST(NULLIF(deals, 0) AS FLOAT64)) AS average_deal_size,
  CAST(COALESCE(deal_sum, 0) AS FLOAT64) AS average_deal_size_numerator,
  deals AS average_deal_size_denominator,
  CASE WHEN deals > 1 THEN (CAST(deal_sum AS FLOAT64) / CAST(NULLIF(deals, 0) AS FLOAT64)) - (params.z * SQRT(GREATEST(CAST(0 AS FLOAT64), (CAST(deal_squares AS FLOAT64) - CAST(deals AS FLOAT64) * (CAST(deal_sum AS FLOAT64) / CAST(NULLIF(deals, 0) AS FLOAT64)) * (CAST(deal_sum AS FLOAT64) / CAST(NULLIF(deals, 0) AS FLOAT64))) / CAST(NULLIF(deals - 1, 0) AS FLOAT64)) / CAST(NULLIF(deals, 0) AS FLOAT64))) END AS average_deal_size_low,
  CASE WHEN deals > 1 THEN (CAST(deal_sum AS FLOAT64) / CAST(NULLIF(deals, 0) AS FLOAT64)) + (params.z * SQRT(GREATEST(CAST(0 AS FLOAT64), (CAST(deal_squares AS FLOAT64) - CAST(deals AS FLOAT64) * (CAST(deal_sum AS FLOAT64) / CAST(NULLIF(deals, 0) AS FLOAT64)) * (CAST(deal_sum AS FLOAT64) / CAST(NULLIF(deals, 0) AS FLOAT64))) / CAST(NULLIF(deals - 1, 0) AS FLOAT64)) / CAST(NULLIF(deals, 0) AS FLOAT64))) END AS average_deal_size_high,
  (deals < 10) AS average_deal_size_low_sample,
  (CAST(deal_sum_sdr_sourced AS FLOAT64) / CAST(NULLIF(deals_sdr_sourced, 0) AS FLOAT64)) AS average_deal_size_sdr_sourced,
  CAST(COALESCE(deal_sum_sdr_sourced, 0) AS FLOAT64) AS average_deal_size_sdr_sourced_numerator,
  deals_sdr_sourced AS average_deal_size_sdr_sourced_denominator,
  CASE WHEN deals_sdr_sourced > 1 THEN (CAST(deal_sum_sdr_sourced AS FLOAT64) / CAST(NULLIF(deals_sdr_sourced, 0) AS FLOAT64)) - (params.z * SQRT(GREATEST(CAST(0 AS FLOAT64), (CAST(deal_squares_sdr_sourced AS FLOAT64) - CAST(deals_sdr_sourced AS FLOAT64) * (CAST(deal_sum_sdr_sourced AS FLOAT64) / CAST(NULLIF(deals_sdr_sourced, 0) AS FLOAT64)) * (CAST(deal_sum_sdr_sourced AS FLOAT64) / CAST(NULLIF(deals_sdr_sourced, 0) AS FLOAT64))) / CAST(NULLIF(deals_sdr_sourced - 1, 0) AS FLOAT64)) / CAST(NULLIF(deals_sdr_sourced, 0) AS FLOAT64))) END AS average_deal_size_sdr_sourced_low,
  CASE WHEN deals_sdr_sourced > 1 THEN (CAST(deal_sum_sdr_sourced AS FLOAT64) / CAST(NULLIF(deals_sdr_sourced, 0) AS FLOAT64)) + (params.z * SQRT(GREATEST(CAST(0 AS FLOAT64), (CAST(deal_squares_sdr_sourced AS FLOAT64) - CAST(deals_sdr_sourced AS FLOAT64) * (CAST(deal_sum_sdr_sourced AS FLOAT64) / CAST(NULLIF(deals_sdr_sourced, 0) AS FLOAT64)) * (CAST(deal_sum_sdr_sourced AS FLOAT64) / CAST(NULLIF(deals_sdr_sourced, 0) AS FLOAT64))) / CAST(NULLIF(deals_sdr_sourced - 1, 0) AS FLOAT64)) / CAST(NULLIF(deals_sdr_sourced, 0) AS FLOAT64))) END AS average_deal_size_sdr_sourced_high,
  (deals_sdr_sourced < 10) AS average_deal_size_sdr_sourced_low_sample,
  (CAST(deal_sum_inbound AS FLOAT64) / CAST(NULLIF(deals_inbound, 0) AS FLOAT64)) AS average_deal_size_inbound,
  CAST(COALESCE(deal_sum_inbound, 0) AS FLOAT64) AS average_deal_size_inbound_numerator,
  deals_inbound AS average_deal_size_inbound_denominator,
  CASE WHEN deals_inbound > 1 THEN (CAST(deal_sum_inbound AS FLOAT64) / CAST(NULLIF(deals_inbound, 0) AS FLOAT64)) - (params.z * SQRT(GREATEST(CAST(0 AS FLOAT64), (CAST(deal_squares_inbound AS FLOAT64) - CAST(deals_inbound AS FLOAT64) * (CAST(deal_sum_inbound AS FLOAT64) / CAST(NULLIF(deals_inbound, 0) AS FLOAT64)) * (CAST(deal_sum_inbound AS FLOAT64) / CAST(NULLIF(deals_inbound, 0) AS FLOAT64))) / CAST(NULLIF(deals_inbound - 1, 0) AS FLOAT64)) / CAST(NULLIF(deals_inbound, 0) AS FLOAT64))) END AS average_deal_size_inbound_low,
  CASE WHEN deals_inbound > 1 THEN (CAST(deal_sum_inbound AS FLOAT64) / CAST(NULLIF(deals_inbound, 0) AS FLOAT64)) + (params.z * SQRT(GREATEST(CAST(0 AS FLOAT64), (CAST(deal_squares_inbound AS FLOAT64) - CAST(deals_inbound AS FLOAT64) * (CAST(deal_sum_inbound AS FLOAT64) / CAST(NULLIF(deals_inbound, 0) AS FLOAT64)) * (CAST(deal_sum_inbound AS FLOAT64) / CAST(NULLIF(deals_inbound, 0) AS FLOAT64))) / CAST(NULLIF(deals_inbound - 1, 0) AS FLOAT64)) / CAST(NULLIF(deals_inbound, 0) AS FLOAT64))) END AS average_deal_size_inbound_high,
  (deals_inbound < 10) AS average_deal_size_inbound_low_sample,
  (CAST(opportunities_sdr_sourced AS FLOAT64) / CAST(NULLIF(accepted, 0) AS FLOAT64)) AS sdr_sourced_pipeline_share,
  opportunities_sdr_sourced AS sdr_sourced_pipeline_share_numerator,
  accepted AS sdr_sourced_pipeline_share_denominator,
  CASE WHEN accepted > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(opportunities_sdr_sourced AS FLOAT64) / CAST(NULLIF(accepted, 0) AS FLOAT64)), (((CAST(opportunities_sdr_sourced AS FLOAT64) / CAST(NULLIF(accepted, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS FLOAT64)))) * SQRT(((CAST(opportunities_sdr_sourced AS FLOAT64) / CAST(NULLIF(accepted, 0) AS FLOAT64)) * (1 - (CAST(opportunities_sdr_sourced AS FLOAT64) / CAST(NULLIF(accepted, 0) AS FLOAT64)))) / CAST(NULLIF(accepted, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS FLOAT64)) / (4 * CAST(NULLIF(accepted, 0) AS FLOAT64)))))) END AS sdr_sourced_pipeline_share_low,
  CASE WHEN accepted > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(opportunities_sdr_sourced AS FLOAT64) / CAST(NULLIF(accepted, 0) AS FLOAT64)), (((CAST(opportunities_sdr_sourced AS FLOAT64) / CAST(NULLIF(accepted, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS FLOAT64)))) * SQRT(((CAST(opportunities_sdr_sourced AS FLOAT64) / CAST(NULLIF(accepted, 0) AS FLOAT64)) * (1 - (CAST(opportunities_sdr_sourced AS FLOAT64) / CAST(NULLIF(accepted, 0) AS FLOAT64)))) / CAST(NULLIF(accepted, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS FLOAT64)) / (4 * CAST(NULLIF(accepted, 0) AS FLOAT64)))))) END AS sdr_sourced_pipeline_share_high,
  (accepted < 10) AS sdr_sourced_pipeline_share_low_sample,
  pipeline AS pipeline_amount,
  pipeline_sdr_sourced AS pipeline_amount_sdr_sourced,
  pipeline_inbound AS pipeline_amount_inbound,
  (CAST(won AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) * 1000 AS closed_won_per_1000_handoffs,
  won AS closed_won_per_1000_handoffs_numerator,
  booked AS closed_won_per_1000_handoffs_denominator,
  CASE WHEN booked > 0 THEN GREATEST(CAST(0 AS FLOAT64), LEAST((CAST(won AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)), (((CAST(won AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)))) * SQRT(((CAST(won AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) * (1 - (CAST(won AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)))) / CAST(NULLIF(booked, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)) / (4 * CAST(NULLIF(booked, 0) AS FLOAT64)))))) * 1000 END AS closed_won_per_1000_handoffs_low,
  CASE WHEN booked > 0 THEN LEAST(CAST(1 AS FLOAT64), GREATEST((CAST(won AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)), (((CAST(won AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)))) * SQRT(((CAST(won AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)) * (1 - (CAST(won AS FLOAT64) / CAST(NULLIF(booked, 0) AS FLOAT64)))) / CAST(NULLIF(booked, 0) AS FLOAT64) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS FLOAT64)) / (4 * CAST(NULLIF(booked, 0) AS FLOAT64)))))) * 1000 END AS closed_won_per_1000_handoffs_high,
  (booked < 10) AS closed_won_per_1000_handoffs_low_sample,
  follow_up_count AS time_to_first_follow_up_count,
  follow_up_median AS time_to_first_follow_up_median,
  follow_up_p90 AS time_to_first_follow_up_p90,
  (CAST(follow_up_sum AS FLOAT64) / CAST(NULLIF(follow_up_count, 0) AS FLOAT64)) AS time_to_first_follow_up_mean,
  follow_up_business_count AS time_to_first_follow_up_business_count,
  follow_up_business_median AS time_to_first_follow_up_business_median,
  follow_up_business_p90 AS time_to_first_follow_up_business_p90,
  (CAST(follow_up_business_sum AS FLOAT64) / CAST(NULLIF(follow_up_business_count, 0) AS FLOAT64)) AS time_to_first_follow_up_business_mean,
  touch_to_booked_count AS time_from_first_touch_to_booked_count,
  touch_to_booked_median AS time_from_first_touch_to_booked_median,
  touch_to_booked_p90 AS time_from_first_touch_to_booked_p90,
  (CAST(touch_to_booked_sum AS FLOAT64) / CAST(NULLIF(touch_to_booked_count, 0) AS FLOAT64)) AS time_from_first_touch_to_booked_mean,
  (CAST(quality_sum AS FLOAT64) / CAST(NULLIF(quality_count, 0) AS FLOAT64)) AS meeting_quality,
  CAST(COALESCE(quality_sum, 0) AS FLOAT64) AS meeting_quality_numerator,
  quality_count AS meeting_quality_denominator,
  CASE WHEN quality_count > 1 THEN (CAST(quality_sum AS FLOAT64) / CAST(NULLIF(quality_count, 0) AS FLOAT64)) - (params.z * SQRT(GREATEST(CAST(0 AS FLOAT64), (CAST(quality_squares AS FLOAT64) - CAST(quality_count AS FLOAT64) * (CAST(quality_sum AS FLOAT64) / CAST(NULLIF(quality_count, 0) AS FLOAT64)) * (CAST(quality_sum AS FLOAT64) / CAST(NULLIF(quality_count, 0) AS FLOAT64))) / CAST(NULLIF(quality_count - 1, 0) AS FLOAT64)) / CAST(NULLIF(quality_count, 0) AS FLOAT64))) END AS meeting_quality_low,
  CASE WHEN quality_count > 1 THEN (CAST(quality_sum AS FLOAT64) / CAST(NULLIF(quality_count, 0) AS FLOAT64)) + (params.z * SQRT(GREATEST(CAST(0 AS FLOAT64), (CAST(quality_squares AS FLOAT64) - CAST(quality_count AS FLOAT64) * (CAST(quality_sum AS FLOAT64) / CAST(NULLIF(quality_count, 0) AS FLOAT64)) * (CAST(quality_sum AS FLOAT64) / CAST(NULLIF(quality_count, 0) AS FLOAT64))) / CAST(NULLIF(quality_count - 1, 0) AS FLOAT64)) / CAST(NULLIF(quality_count, 0) AS FLOAT64))) END AS meeting_quality_high,
  (quality_count < 10) AS meeting_quality_low_sample,
  quality_1 AS meeting_quality_1,
  quality_2 AS meeting_quality_2,
  quality_3 AS meeting_quality_3,
  quality_4 AS meeting_quality_4,
  quality_5 AS meeting_quality_5
FROM levels CROSS JOIN params
ORDER BY CASE WHEN scope = 'overall' THEN 0 ELSE 1 END, sdr_id, week_start
