CREATE TABLE handoff_summaries (
  id VARCHAR,
  source VARCHAR,
  segment VARCHAR,
  sdr_id VARCHAR,
  ae_id VARCHAR,
  ae_calendar_id VARCHAR,
  sdr_calendar_id VARCHAR,
  status VARCHAR,
  cycles NUMBER(38, 0),
  created_at TIMESTAMP_TZ,
  first_touch_at TIMESTAMP_TZ,
  first_booked_at TIMESTAMP_TZ,
  booked_at TIMESTAMP_TZ,
  meeting_status VARCHAR,
  meeting_start TIMESTAMP_TZ,
  style VARCHAR,
  acknowledged_at TIMESTAMP_TZ,
  decision VARCHAR,
  decided_at TIMESTAMP_TZ,
  reason VARCHAR,
  first_follow_up_at TIMESTAMP_TZ,
  quality NUMBER(38, 0),
  accepted_amount DOUBLE,
  accepted_currency VARCHAR,
  won_amount DOUBLE,
  won_currency VARCHAR,
  outcome VARCHAR,
  closed_at TIMESTAMP_TZ,
  corrections NUMBER(38, 0),
  duplicate_events NUMBER(38, 0),
  late_events NUMBER(38, 0),
  skipped_events NUMBER(38, 0)
);

CREATE TABLE calendar_intervals (
  calendar_id VARCHAR,
  start_utc TIMESTAMP_TZ,
  end_utc TIMESTAMP_TZ
);

CREATE TABLE handoff_events (
  handoff_id VARCHAR,
  seq NUMBER(38, 0),
  event_id VARCHAR,
  event_type VARCHAR,
  event_at TIMESTAMP_TZ,
  actor VARCHAR,
  meeting_start TIMESTAMP_TZ,
  meeting_end TIMESTAMP_TZ,
  reason VARCHAR,
  amount DOUBLE,
  currency VARCHAR,
  score NUMBER(38, 0),
  reassigned_role VARCHAR,
  reassigned_to VARCHAR
);

CREATE TABLE calendar_days (
  calendar_id VARCHAR,
  local_date VARCHAR,
  day_number NUMBER(38, 0),
  business_day NUMBER(38, 0),
  day_start_utc TIMESTAMP_TZ,
  offset_ms NUMBER(38, 0),
  offset_change_utc TIMESTAMP_TZ,
  offset_after_ms NUMBER(38, 0),
  landing_offset_ms NUMBER(38, 0),
  landing_switch_ms NUMBER(38, 0),
  landing_offset_after_ms NUMBER(38, 0),
  open_utc TIMESTAMP_TZ,
  close_utc TIMESTAMP_TZ
);

CREATE TABLE week_starts (
  time_zone VARCHAR,
  starts_on VARCHAR,
  week_start VARCHAR,
  start_utc TIMESTAMP_TZ,
  end_utc TIMESTAMP_TZ
);

-- handoff-kit scoreboard (snowflake): as of 2026-11-14T02:00:00.000Z, weeks in America/New_York from sun
WITH instants AS (
  SELECT DISTINCT calendar_id, t_ms FROM (
    SELECT COALESCE(NULLIF(ae_calendar_id, ''), ae_id) AS calendar_id, DATE_PART(EPOCH_MILLISECOND, booked_at) AS t_ms
    FROM handoff_summaries
    WHERE skipped_events = 0 AND first_follow_up_at >= booked_at
    UNION ALL
    SELECT COALESCE(NULLIF(ae_calendar_id, ''), ae_id) AS calendar_id, DATE_PART(EPOCH_MILLISECOND, first_follow_up_at) AS t_ms
    FROM handoff_summaries
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
    SELECT DISTINCT calendar_id, DATE_PART(EPOCH_MILLISECOND, start_utc) AS start_ms, DATE_PART(EPOCH_MILLISECOND, end_utc) AS end_ms
    FROM calendar_intervals
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
          CAST(NULL AS NUMBER(38, 0)) AS key_ms, CAST(NULL AS NUMBER(38, 0)) AS start_ms, CAST(NULL AS NUMBER(38, 0)) AS end_ms, CAST(NULL AS NUMBER(38, 0)) AS open_before
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
    COALESCE(TO_CHAR(DATEADD(DAY, -MOD(DAYOFWEEKISO(CAST(CONVERT_TIMEZONE('America/New_York', COALESCE(s.booked_at, s.created_at)) AS DATE)) - 7 + 7, 7), CAST(CONVERT_TIMEZONE('America/New_York', COALESCE(s.booked_at, s.created_at)) AS DATE)), 'YYYY-MM-DD'), 'none') AS week_start,
    s.status,
    s.cycles,
    s.decision,
    s.outcome,
    s.style,
    CASE WHEN s.decision = 'rejected' THEN COALESCE(NULLIF(s.reason, ''), 'unspecified') END AS reason_code,
    CASE
      WHEN s.meeting_status IN ('held', 'no_show', 'cancelled') THEN s.meeting_status
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') AND s.meeting_start < TO_TIMESTAMP_TZ(1794621600000, 3) THEN 'past_unrecorded'
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') THEN 'upcoming'
    END AS meeting,
    -- An SDR-week as one value for COUNT(DISTINCT): the date is fixed-width, so no two pairs collide.
    CASE WHEN s.status <> 'draft' AND s.booked_at IS NOT NULL
      THEN CONCAT(TO_CHAR(DATEADD(DAY, -MOD(DAYOFWEEKISO(CAST(CONVERT_TIMEZONE('America/New_York', s.booked_at) AS DATE)) - 7 + 7, 7), CAST(CONVERT_TIMEZONE('America/New_York', s.booked_at) AS DATE)), 'YYYY-MM-DD'), s.sdr_id) END AS sdr_week,
    CASE WHEN s.quality IN (1, 2, 3, 4, 5) THEN s.quality END AS quality,
    CASE WHEN s.decision = 'accepted' AND s.accepted_amount >= 0 AND s.accepted_amount <= 9007199254740991 AND COALESCE(s.accepted_currency, 'USD') = 'USD'
      THEN CAST(s.accepted_amount AS DOUBLE) END AS pipeline_amount,
    CASE WHEN s.outcome = 'won' AND s.won_amount >= 0 AND s.won_amount <= 9007199254740991 AND COALESCE(s.won_currency, 'USD') = 'USD'
      THEN CAST(s.won_amount AS DOUBLE) END AS deal_amount,
    CASE WHEN s.first_follow_up_at >= s.booked_at THEN CAST(DATE_PART(EPOCH_MILLISECOND, s.first_follow_up_at) - DATE_PART(EPOCH_MILLISECOND, s.booked_at) AS DOUBLE) END AS follow_up,
    CASE WHEN s.first_follow_up_at >= s.booked_at AND known.calendar_id IS NOT NULL
        THEN CAST(at_follow_up.b_ms - at_booked.b_ms AS DOUBLE) END AS follow_up_business,
    CASE WHEN s.first_booked_at >= s.first_touch_at THEN CAST(DATE_PART(EPOCH_MILLISECOND, s.first_booked_at) - DATE_PART(EPOCH_MILLISECOND, s.first_touch_at) AS DOUBLE) END AS touch_to_booked
  FROM handoff_summaries s
  LEFT JOIN (SELECT DISTINCT calendar_id FROM calendar_intervals) known
    ON known.calendar_id = COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id)
  LEFT JOIN business_before at_booked
    ON at_booked.calendar_id = COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id) AND at_booked.t_ms = DATE_PART(EPOCH_MILLISECOND, s.booked_at)
  LEFT JOIN business_before at_follow_up
    ON at_follow_up.calendar_id = COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id) AND at_follow_up.t_ms = DATE_PART(EPOCH_MILLISECOND, s.first_follow_up_at)
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
levels AS (
  SELECT
    'overall' AS scope,
    CAST(NULL AS VARCHAR) AS sdr_id,
    CAST(NULL AS VARCHAR) AS week_start,
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
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL THEN pipeline_amount END), CAST(0 AS DOUBLE)) AS pipeline,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL AND source = 'outbound' THEN pipeline_amount END), CAST(0 AS DOUBLE)) AS pipeline_sdr_sourced,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL AND source = 'inbound' THEN pipeline_amount END), CAST(0 AS DOUBLE)) AS pipeline_inbound,
    COUNT(quality) AS quality_count,
    CAST(SUM(quality) AS DOUBLE) AS quality_sum,
    CAST(SUM(quality * quality) AS DOUBLE) AS quality_squares,
    COUNT(CASE WHEN quality = 1 THEN 1 END) AS quality_1,
    COUNT(CASE WHEN quality = 2 THEN 1 END) AS quality_2,
    COUNT(CASE WHEN quality = 3 THEN 1 END) AS quality_3,
    COUNT(CASE WHEN quality = 4 THEN 1 END) AS quality_4,
    COUNT(CASE WHEN quality = 5 THEN 1 END) AS quality_5,
    COUNT(follow_up) AS follow_up_count,
    SUM(follow_up) AS follow_up_sum,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY follow_up) AS follow_up_median,
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY follow_up) AS follow_up_p90,
    COUNT(follow_up_business) AS follow_up_business_count,
    SUM(follow_up_business) AS follow_up_business_sum,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY follow_up_business) AS follow_up_business_median,
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY follow_up_business) AS follow_up_business_p90,
    COUNT(touch_to_booked) AS touch_to_booked_count,
    SUM(touch_to_booked) AS touch_to_booked_sum,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY touch_to_booked) AS touch_to_booked_median,
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY touch_to_booked) AS touch_to_booked_p90
  FROM base
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
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL THEN pipeline_amount END), CAST(0 AS DOUBLE)) AS pipeline,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL AND source = 'outbound' THEN pipeline_amount END), CAST(0 AS DOUBLE)) AS pipeline_sdr_sourced,
    COALESCE(SUM(CASE WHEN pipeline_amount IS NOT NULL AND source = 'inbound' THEN pipeline_amount END), CAST(0 AS DOUBLE)) AS pipeline_inbound,
    COUNT(quality) AS quality_count,
    CAST(SUM(quality) AS DOUBLE) AS quality_sum,
    CAST(SUM(quality * quality) AS DOUBLE) AS quality_squares,
    COUNT(CASE WHEN quality = 1 THEN 1 END) AS quality_1,
    COUNT(CASE WHEN quality = 2 THEN 1 END) AS quality_2,
    COUNT(CASE WHEN quality = 3 THEN 1 END) AS quality_3,
    COUNT(CASE WHEN quality = 4 THEN 1 END) AS quality_4,
    COUNT(CASE WHEN quality = 5 THEN 1 END) AS quality_5,
    COUNT(follow_up) AS follow_up_count,
    SUM(follow_up) AS follow_up_sum,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY follow_up) AS follow_up_median,
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY follow_up) AS follow_up_p90,
    COUNT(follow_up_business) AS follow_up_business_count,
    SUM(follow_up_business) AS follow_up_business_sum,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY follow_up_business) AS follow_up_business_median,
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY follow_up_business) AS follow_up_business_p90,
    COUNT(touch_to_booked) AS touch_to_booked_count,
    SUM(touch_to_booked) AS touch_to_booked_sum,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY touch_to_booked) AS touch_to_booked_median,
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY touch_to_booked) AS touch_to_booked_p90
  FROM base
  GROUP BY sdr_id, week_start
),
params AS (
  SELECT CAST('1.9599639845400543' AS DOUBLE) AS z
)
SELECT
  scope,
  sdr_id,
  week_start,
  handoffs,
  booked AS meetings_booked,
  (CAST(accepted AS DOUBLE) / CAST(NULLIF(sdr_weeks, 0) AS DOUBLE)) AS qualified_meetings_per_sdr_week,
  accepted AS qualified_meetings_per_sdr_week_numerator,
  sdr_weeks AS qualified_meetings_per_sdr_week_denominator,
  CASE WHEN sdr_weeks > 0 THEN GREATEST(CAST(0 AS DOUBLE), ((CAST(accepted AS DOUBLE) + (params.z * params.z) / 2) - (params.z * SQRT(CAST(accepted AS DOUBLE) + (params.z * params.z) / 4))) / CAST(NULLIF(sdr_weeks, 0) AS DOUBLE)) END AS qualified_meetings_per_sdr_week_low,
  CASE WHEN sdr_weeks > 0 THEN ((CAST(accepted AS DOUBLE) + (params.z * params.z) / 2) + (params.z * SQRT(CAST(accepted AS DOUBLE) + (params.z * params.z) / 4))) / CAST(NULLIF(sdr_weeks, 0) AS DOUBLE) END AS qualified_meetings_per_sdr_week_high,
  (sdr_weeks < 10) AS qualified_meetings_per_sdr_week_low_sample,
  (CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)) AS held_rate,
  held AS held_rate_numerator,
  held + no_show + cancelled + past_unrecorded AS held_rate_denominator,
  CASE WHEN held + no_show + cancelled + past_unrecorded > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)), (((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)))) * SQRT(((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)) * (1 - (CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)))) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)) / (4 * CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)))))) END AS held_rate_low,
  CASE WHEN held + no_show + cancelled + past_unrecorded > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)), (((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)))) * SQRT(((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)) * (1 - (CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)))) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)) / (4 * CAST(NULLIF(held + no_show + cancelled + past_unrecorded, 0) AS DOUBLE)))))) END AS held_rate_high,
  (held + no_show + cancelled + past_unrecorded < 10) AS held_rate_low_sample,
  (CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)) AS show_rate,
  held AS show_rate_numerator,
  held + no_show AS show_rate_denominator,
  CASE WHEN held + no_show > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)), (((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)))) * SQRT(((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)) * (1 - (CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)))) / CAST(NULLIF(held + no_show, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)) / (4 * CAST(NULLIF(held + no_show, 0) AS DOUBLE)))))) END AS show_rate_low,
  CASE WHEN held + no_show > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)), (((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)))) * SQRT(((CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)) * (1 - (CAST(held AS DOUBLE) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)))) / CAST(NULLIF(held + no_show, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(held + no_show, 0) AS DOUBLE)) / (4 * CAST(NULLIF(held + no_show, 0) AS DOUBLE)))))) END AS show_rate_high,
  (held + no_show < 10) AS show_rate_low_sample,
  (CAST(no_show AS DOUBLE) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)) AS no_show_rate,
  no_show AS no_show_rate_numerator,
  held + no_show + past_unrecorded AS no_show_rate_denominator,
  CASE WHEN held + no_show + past_unrecorded > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(no_show AS DOUBLE) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)), (((CAST(no_show AS DOUBLE) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)))) * SQRT(((CAST(no_show AS DOUBLE) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)) * (1 - (CAST(no_show AS DOUBLE) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)))) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)) / (4 * CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)))))) END AS no_show_rate_low,
  CASE WHEN held + no_show + past_unrecorded > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(no_show AS DOUBLE) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)), (((CAST(no_show AS DOUBLE) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)))) * SQRT(((CAST(no_show AS DOUBLE) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)) * (1 - (CAST(no_show AS DOUBLE) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)))) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)) / (4 * CAST(NULLIF(held + no_show + past_unrecorded, 0) AS DOUBLE)))))) END AS no_show_rate_high,
  (held + no_show + past_unrecorded < 10) AS no_show_rate_low_sample,
  (CAST(held_warm AS DOUBLE) / CAST(NULLIF(due_warm, 0) AS DOUBLE)) AS held_rate_warm,
  held_warm AS held_rate_warm_numerator,
  due_warm AS held_rate_warm_denominator,
  CASE WHEN due_warm > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(held_warm AS DOUBLE) / CAST(NULLIF(due_warm, 0) AS DOUBLE)), (((CAST(held_warm AS DOUBLE) / CAST(NULLIF(due_warm, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS DOUBLE)))) * SQRT(((CAST(held_warm AS DOUBLE) / CAST(NULLIF(due_warm, 0) AS DOUBLE)) * (1 - (CAST(held_warm AS DOUBLE) / CAST(NULLIF(due_warm, 0) AS DOUBLE)))) / CAST(NULLIF(due_warm, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS DOUBLE)) / (4 * CAST(NULLIF(due_warm, 0) AS DOUBLE)))))) END AS held_rate_warm_low,
  CASE WHEN due_warm > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(held_warm AS DOUBLE) / CAST(NULLIF(due_warm, 0) AS DOUBLE)), (((CAST(held_warm AS DOUBLE) / CAST(NULLIF(due_warm, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS DOUBLE)))) * SQRT(((CAST(held_warm AS DOUBLE) / CAST(NULLIF(due_warm, 0) AS DOUBLE)) * (1 - (CAST(held_warm AS DOUBLE) / CAST(NULLIF(due_warm, 0) AS DOUBLE)))) / CAST(NULLIF(due_warm, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(due_warm, 0) AS DOUBLE)) / (4 * CAST(NULLIF(due_warm, 0) AS DOUBLE)))))) END AS held_rate_warm_high,
  (due_warm < 10) AS held_rate_warm_low_sample,
  (CAST(held_cold AS DOUBLE) / CAST(NULLIF(due_cold, 0) AS DOUBLE)) AS held_rate_cold,
  held_cold AS held_rate_cold_numerator,
  due_cold AS held_rate_cold_denominator,
  CASE WHEN due_cold > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(held_cold AS DOUBLE) / CAST(NULLIF(due_cold, 0) AS DOUBLE)), (((CAST(held_cold AS DOUBLE) / CAST(NULLIF(due_cold, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS DOUBLE)))) * SQRT(((CAST(held_cold AS DOUBLE) / CAST(NULLIF(due_cold, 0) AS DOUBLE)) * (1 - (CAST(held_cold AS DOUBLE) / CAST(NULLIF(due_cold, 0) AS DOUBLE)))) / CAST(NULLIF(due_cold, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS DOUBLE)) / (4 * CAST(NULLIF(due_cold, 0) AS DOUBLE)))))) END AS held_rate_cold_low,
  CASE WHEN due_cold > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(held_cold AS DOUBLE) / CAST(NULLIF(due_cold, 0) AS DOUBLE)), (((CAST(held_cold AS DOUBLE) / CAST(NULLIF(due_cold, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS DOUBLE)))) * SQRT(((CAST(held_cold AS DOUBLE) / CAST(NULLIF(due_cold, 0) AS DOUBLE)) * (1 - (CAST(held_cold AS DOUBLE) / CAST(NULLIF(due_cold, 0) AS DOUBLE)))) / CAST(NULLIF(due_cold, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(due_cold, 0) AS DOUBLE)) / (4 * CAST(NULLIF(due_cold, 0) AS DOUBLE)))))) END AS held_rate_cold_high,
  (due_cold < 10) AS held_rate_cold_low_sample,
  held AS meetings_held,
  no_show AS meetings_no_show,
  cancelled AS meetings_cancelled,
  upcoming AS meetings_upcoming,
  past_unrecorded AS meetings_past_unrecorded,
  (CAST(accepted AS DOUBLE) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)) AS acceptance_rate,
  accepted AS acceptance_rate_numerator,
  accepted + rejected AS acceptance_rate_denominator,
  CASE WHEN accepted + rejected > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(accepted AS DOUBLE) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)), (((CAST(accepted AS DOUBLE) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)))) * SQRT(((CAST(accepted AS DOUBLE) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)) * (1 - (CAST(accepted AS DOUBLE) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)))) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)) / (4 * CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)))))) END AS acceptance_rate_low,
  CASE WHEN accepted + rejected > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(accepted AS DOUBLE) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)), (((CAST(accepted AS DOUBLE) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)))) * SQRT(((CAST(accepted AS DOUBLE) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)) * (1 - (CAST(accepted AS DOUBLE) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)))) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)) / (4 * CAST(NULLIF(accepted + rejected, 0) AS DOUBLE)))))) END AS acceptance_rate_high,
  (accepted + rejected < 10) AS acceptance_rate_low_sample,
  (CAST(accepted AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) AS handoff_to_opportunity_rate,
  accepted AS handoff_to_opportunity_rate_numerator,
  booked AS handoff_to_opportunity_rate_denominator,
  CASE WHEN booked > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(accepted AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)), (((CAST(accepted AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)))) * SQRT(((CAST(accepted AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) * (1 - (CAST(accepted AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)))) / CAST(NULLIF(booked, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)) / (4 * CAST(NULLIF(booked, 0) AS DOUBLE)))))) END AS handoff_to_opportunity_rate_low,
  CASE WHEN booked > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(accepted AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)), (((CAST(accepted AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)))) * SQRT(((CAST(accepted AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) * (1 - (CAST(accepted AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)))) / CAST(NULLIF(booked, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)) / (4 * CAST(NULLIF(booked, 0) AS DOUBLE)))))) END AS handoff_to_opportunity_rate_high,
  (booked < 10) AS handoff_to_opportunity_rate_low_sample,
  (CAST(recycled_ever AS DOUBLE) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)) AS recycle_rate,
  recycled_ever AS recycle_rate_numerator,
  rejected_ever AS recycle_rate_denominator,
  CASE WHEN rejected_ever > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(recycled_ever AS DOUBLE) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)), (((CAST(recycled_ever AS DOUBLE) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)))) * SQRT(((CAST(recycled_ever AS DOUBLE) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)) * (1 - (CAST(recycled_ever AS DOUBLE) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)))) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)) / (4 * CAST(NULLIF(rejected_ever, 0) AS DOUBLE)))))) END AS recycle_rate_low,
  CASE WHEN rejected_ever > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(recycled_ever AS DOUBLE) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)), (((CAST(recycled_ever AS DOUBLE) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)))) * SQRT(((CAST(recycled_ever AS DOUBLE) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)) * (1 - (CAST(recycled_ever AS DOUBLE) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)))) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(rejected_ever, 0) AS DOUBLE)) / (4 * CAST(NULLIF(rejected_ever, 0) AS DOUBLE)))))) END AS recycle_rate_high,
  (rejected_ever < 10) AS recycle_rate_low_sample,
  (CAST(rebooked AS DOUBLE) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)) AS recycle_to_rebooked_rate,
  rebooked AS recycle_to_rebooked_rate_numerator,
  recycled_ever AS recycle_to_rebooked_rate_denominator,
  CASE WHEN recycled_ever > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(rebooked AS DOUBLE) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)), (((CAST(rebooked AS DOUBLE) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)))) * SQRT(((CAST(rebooked AS DOUBLE) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)) * (1 - (CAST(rebooked AS DOUBLE) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)))) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)) / (4 * CAST(NULLIF(recycled_ever, 0) AS DOUBLE)))))) END AS recycle_to_rebooked_rate_low,
  CASE WHEN recycled_ever > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(rebooked AS DOUBLE) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)), (((CAST(rebooked AS DOUBLE) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)))) * SQRT(((CAST(rebooked AS DOUBLE) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)) * (1 - (CAST(rebooked AS DOUBLE) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)))) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(recycled_ever, 0) AS DOUBLE)) / (4 * CAST(NULLIF(recycled_ever, 0) AS DOUBLE)))))) END AS recycle_to_rebooked_rate_high,
  (recycled_ever < 10) AS recycle_to_rebooked_rate_low_sample,
  (CAST(won AS DOUBLE) / CAST(NULLIF(won + lost, 0) AS DOUBLE)) AS win_rate,
  won AS win_rate_numerator,
  won + lost AS win_rate_denominator,
  CASE WHEN won + lost > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(won AS DOUBLE) / CAST(NULLIF(won + lost, 0) AS DOUBLE)), (((CAST(won AS DOUBLE) / CAST(NULLIF(won + lost, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS DOUBLE)))) * SQRT(((CAST(won AS DOUBLE) / CAST(NULLIF(won + lost, 0) AS DOUBLE)) * (1 - (CAST(won AS DOUBLE) / CAST(NULLIF(won + lost, 0) AS DOUBLE)))) / CAST(NULLIF(won + lost, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS DOUBLE)) / (4 * CAST(NULLIF(won + lost, 0) AS DOUBLE)))))) END AS win_rate_low,
  CASE WHEN won + lost > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(won AS DOUBLE) / CAST(NULLIF(won + lost, 0) AS DOUBLE)), (((CAST(won AS DOUBLE) / CAST(NULLIF(won + lost, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS DOUBLE)))) * SQRT(((CAST(won AS DOUBLE) / CAST(NULLIF(won + lost, 0) AS DOUBLE)) * (1 - (CAST(won AS DOUBLE) / CAST(NULLIF(won + lost, 0) AS DOUBLE)))) / CAST(NULLIF(won + lost, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(won + lost, 0) AS DOUBLE)) / (4 * CAST(NULLIF(won + lost, 0) AS DOUBLE)))))) END AS win_rate_high,
  (won + lost < 10) AS win_rate_low_sample,
  (CAST(won_sdr_sourced AS DOUBLE) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)) AS win_rate_sdr_sourced,
  won_sdr_sourced AS win_rate_sdr_sourced_numerator,
  won_sdr_sourced + lost_sdr_sourced AS win_rate_sdr_sourced_denominator,
  CASE WHEN won_sdr_sourced + lost_sdr_sourced > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(won_sdr_sourced AS DOUBLE) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)), (((CAST(won_sdr_sourced AS DOUBLE) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)))) * SQRT(((CAST(won_sdr_sourced AS DOUBLE) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)) * (1 - (CAST(won_sdr_sourced AS DOUBLE) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)))) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)) / (4 * CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)))))) END AS win_rate_sdr_sourced_low,
  CASE WHEN won_sdr_sourced + lost_sdr_sourced > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(won_sdr_sourced AS DOUBLE) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)), (((CAST(won_sdr_sourced AS DOUBLE) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)))) * SQRT(((CAST(won_sdr_sourced AS DOUBLE) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)) * (1 - (CAST(won_sdr_sourced AS DOUBLE) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)))) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)) / (4 * CAST(NULLIF(won_sdr_sourced + lost_sdr_sourced, 0) AS DOUBLE)))))) END AS win_rate_sdr_sourced_high,
  (won_sdr_sourced + lost_sdr_sourced < 10) AS win_rate_sdr_sourced_low_sample,
  (CAST(won_inbound AS DOUBLE) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)) AS win_rate_inbound,
  won_inbound AS win_rate_inbound_numerator,
  won_inbound + lost_inbound AS win_rate_inbound_denominator,
  CASE WHEN won_inbound + lost_inbound > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(won_inbound AS DOUBLE) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)), (((CAST(won_inbound AS DOUBLE) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)))) * SQRT(((CAST(won_inbound AS DOUBLE) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)) * (1 - (CAST(won_inbound AS DOUBLE) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)))) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)) / (4 * CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)))))) END AS win_rate_inbound_low,
  CASE WHEN won_inbound + lost_inbound > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(won_inbound AS DOUBLE) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)), (((CAST(won_inbound AS DOUBLE) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)))) * SQRT(((CAST(won_inbound AS DOUBLE) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)) * (1 - (CAST(won_inbound AS DOUBLE) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)))) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)) / (4 * CAST(NULLIF(won_inbound + lost_inbound, 0) AS DOUBLE)))))) END AS win_rate_inbound_high,
  (won_inbound + lost_inbound < 10) AS win_rate_inbound_low_sample,
  (CAST(deal_sum AS DOUBLE) / CAST(NULLIF(deals, 0) AS DOUBLE)) AS average_deal_size,
  CAST(COALESCE(deal_sum, 0) AS DOUBLE) AS average_deal_size_numerator,
  deals AS average_deal_size_denominator,
  CASE WHEN deals > 1 THEN (CAST(deal_sum AS DOUBLE) / CAST(NULLIF(deals, 0) AS DOUBLE)) - (params.z * SQRT(GREATEST(CAST(0 AS DOUBLE), (CAST(deal_squares AS DOUBLE) - CAST(deals AS DOUBLE) * (CAST(deal_sum AS DOUBLE) / CAST(NULLIF(deals, 0) AS DOUBLE)) * (CAST(deal_sum AS DOUBLE) / CAST(NULLIF(deals, 0) AS DOUBLE))) / CAST(NULLIF(deals - 1, 0) AS DOUBLE)) / CAST(NULLIF(deals, 0) AS DOUBLE))) END AS average_deal_size_low,
  CASE WHEN deals > 1 THEN (CAST(deal_sum AS DOUBLE) / CAST(NULLIF(deals, 0) AS DOUBLE)) + (params.z * SQRT(GREATEST(CAST(0 AS DOUBLE), (CAST(deal_squares AS DOUBLE) - CAST(deals AS DOUBLE) * (CAST(deal_sum AS DOUBLE) / CAST(NULLIF(deals, 0) AS DOUBLE)) * (CAST(deal_sum AS DOUBLE) / CAST(NULLIF(deals, 0) AS DOUBLE))) / CAST(NULLIF(deals - 1, 0) AS DOUBLE)) / CAST(NULLIF(deals, 0) AS DOUBLE))) END AS average_deal_size_high,
  (deals < 10) AS average_deal_size_low_sample,
  (CAST(deal_sum_sdr_sourced AS DOUBLE) / CAST(NULLIF(deals_sdr_sourced, 0) AS DOUBLE)) AS average_deal_size_sdr_sourced,
  CAST(COALESCE(deal_sum_sdr_sourced, 0) AS DOUBLE) AS average_deal_size_sdr_sourced_numerator,
  deals_sdr_sourced AS average_deal_size_sdr_sourced_denominator,
  CASE WHEN deals_sdr_sourced > 1 THEN (CAST(deal_sum_sdr_sourced AS DOUBLE) / CAST(NULLIF(deals_sdr_sourced, 0) AS DOUBLE)) - (params.z * SQRT(GREATEST(CAST(0 AS DOUBLE), (CAST(deal_squares_sdr_sourced AS DOUBLE) - CAST(deals_sdr_sourced AS DOUBLE) * (CAST(deal_sum_sdr_sourced AS DOUBLE) / CAST(NULLIF(deals_sdr_sourced, 0) AS DOUBLE)) * (CAST(deal_sum_sdr_sourced AS DOUBLE) / CAST(NULLIF(deals_sdr_sourced, 0) AS DOUBLE))) / CAST(NULLIF(deals_sdr_sourced - 1, 0) AS DOUBLE)) / CAST(NULLIF(deals_sdr_sourced, 0) AS DOUBLE))) END AS average_deal_size_sdr_sourced_low,
  CASE WHEN deals_sdr_sourced > 1 THEN (CAST(deal_sum_sdr_sourced AS DOUBLE) / CAST(NULLIF(deals_sdr_sourced, 0) AS DOUBLE)) + (params.z * SQRT(GREATEST(CAST(0 AS DOUBLE), (CAST(deal_squares_sdr_sourced AS DOUBLE) - CAST(deals_sdr_sourced AS DOUBLE) * (CAST(deal_sum_sdr_sourced AS DOUBLE) / CAST(NULLIF(deals_sdr_sourced, 0) AS DOUBLE)) * (CAST(deal_sum_sdr_sourced AS DOUBLE) / CAST(NULLIF(deals_sdr_sourced, 0) AS DOUBLE))) / CAST(NULLIF(deals_sdr_sourced - 1, 0) AS DOUBLE)) / CAST(NULLIF(deals_sdr_sourced, 0) AS DOUBLE))) END AS average_deal_size_sdr_sourced_high,
  (deals_sdr_sourced < 10) AS average_deal_size_sdr_sourced_low_sample,
  (CAST(deal_sum_inbound AS DOUBLE) / CAST(NULLIF(deals_inbound, 0) AS DOUBLE)) AS average_deal_size_inbound,
  CAST(COALESCE(deal_sum_inbound, 0) AS DOUBLE) AS average_deal_size_inbound_numerator,
  deals_inbound AS average_deal_size_inbound_denominator,
  CASE WHEN deals_inbound > 1 THEN (CAST(deal_sum_inbound AS DOUBLE) / CAST(NULLIF(deals_inbound, 0) AS DOUBLE)) - (params.z * SQRT(GREATEST(CAST(0 AS DOUBLE), (CAST(deal_squares_inbound AS DOUBLE) - CAST(deals_inbound AS DOUBLE) * (CAST(deal_sum_inbound AS DOUBLE) / CAST(NULLIF(deals_inbound, 0) AS DOUBLE)) * (CAST(deal_sum_inbound AS DOUBLE) / CAST(NULLIF(deals_inbound, 0) AS DOUBLE))) / CAST(NULLIF(deals_inbound - 1, 0) AS DOUBLE)) / CAST(NULLIF(deals_inbound, 0) AS DOUBLE))) END AS average_deal_size_inbound_low,
  CASE WHEN deals_inbound > 1 THEN (CAST(deal_sum_inbound AS DOUBLE) / CAST(NULLIF(deals_inbound, 0) AS DOUBLE)) + (params.z * SQRT(GREATEST(CAST(0 AS DOUBLE), (CAST(deal_squares_inbound AS DOUBLE) - CAST(deals_inbound AS DOUBLE) * (CAST(deal_sum_inbound AS DOUBLE) / CAST(NULLIF(deals_inbound, 0) AS DOUBLE)) * (CAST(deal_sum_inbound AS DOUBLE) / CAST(NULLIF(deals_inbound, 0) AS DOUBLE))) / CAST(NULLIF(deals_inbound - 1, 0) AS DOUBLE)) / CAST(NULLIF(deals_inbound, 0) AS DOUBLE))) END AS average_deal_size_inbound_high,
  (deals_inbound < 10) AS average_deal_size_inbound_low_sample,
  (CAST(opportunities_sdr_sourced AS DOUBLE) / CAST(NULLIF(accepted, 0) AS DOUBLE)) AS sdr_sourced_pipeline_share,
  opportunities_sdr_sourced AS sdr_sourced_pipeline_share_numerator,
  accepted AS sdr_sourced_pipeline_share_denominator,
  CASE WHEN accepted > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(opportunities_sdr_sourced AS DOUBLE) / CAST(NULLIF(accepted, 0) AS DOUBLE)), (((CAST(opportunities_sdr_sourced AS DOUBLE) / CAST(NULLIF(accepted, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS DOUBLE)))) * SQRT(((CAST(opportunities_sdr_sourced AS DOUBLE) / CAST(NULLIF(accepted, 0) AS DOUBLE)) * (1 - (CAST(opportunities_sdr_sourced AS DOUBLE) / CAST(NULLIF(accepted, 0) AS DOUBLE)))) / CAST(NULLIF(accepted, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS DOUBLE)) / (4 * CAST(NULLIF(accepted, 0) AS DOUBLE)))))) END AS sdr_sourced_pipeline_share_low,
  CASE WHEN accepted > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(opportunities_sdr_sourced AS DOUBLE) / CAST(NULLIF(accepted, 0) AS DOUBLE)), (((CAST(opportunities_sdr_sourced AS DOUBLE) / CAST(NULLIF(accepted, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS DOUBLE)))) * SQRT(((CAST(opportunities_sdr_sourced AS DOUBLE) / CAST(NULLIF(accepted, 0) AS DOUBLE)) * (1 - (CAST(opportunities_sdr_sourced AS DOUBLE) / CAST(NULLIF(accepted, 0) AS DOUBLE)))) / CAST(NULLIF(accepted, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(accepted, 0) AS DOUBLE)) / (4 * CAST(NULLIF(accepted, 0) AS DOUBLE)))))) END AS sdr_sourced_pipeline_share_high,
  (accepted < 10) AS sdr_sourced_pipeline_share_low_sample,
  pipeline AS pipeline_amount,
  pipeline_sdr_sourced AS pipeline_amount_sdr_sourced,
  pipeline_inbound AS pipeline_amount_inbound,
  (CAST(won AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) * 1000 AS closed_won_per_1000_handoffs,
  won AS closed_won_per_1000_handoffs_numerator,
  booked AS closed_won_per_1000_handoffs_denominator,
  CASE WHEN booked > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(won AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)), (((CAST(won AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)))) * SQRT(((CAST(won AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) * (1 - (CAST(won AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)))) / CAST(NULLIF(booked, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)) / (4 * CAST(NULLIF(booked, 0) AS DOUBLE)))))) * 1000 END AS closed_won_per_1000_handoffs_low,
  CASE WHEN booked > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(won AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)), (((CAST(won AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)))) * SQRT(((CAST(won AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)) * (1 - (CAST(won AS DOUBLE) / CAST(NULLIF(booked, 0) AS DOUBLE)))) / CAST(NULLIF(booked, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(booked, 0) AS DOUBLE)) / (4 * CAST(NULLIF(booked, 0) AS DOUBLE)))))) * 1000 END AS closed_won_per_1000_handoffs_high,
  (booked < 10) AS closed_won_per_1000_handoffs_low_sample,
  follow_up_count AS time_to_first_follow_up_count,
  follow_up_median AS time_to_first_follow_up_median,
  follow_up_p90 AS time_to_first_follow_up_p90,
  (CAST(follow_up_sum AS DOUBLE) / CAST(NULLIF(follow_up_count, 0) AS DOUBLE)) AS time_to_first_follow_up_mean,
  follow_up_business_count AS time_to_first_follow_up_business_count,
  follow_up_business_median AS time_to_first_follow_up_business_median,
  follow_up_business_p90 AS time_to_first_follow_up_business_p90,
  (CAST(follow_up_business_sum AS DOUBLE) / CAST(NULLIF(follow_up_business_count, 0) AS DOUBLE)) AS time_to_first_follow_up_business_mean,
  touch_to_booked_count AS time_from_first_touch_to_booked_count,
  touch_to_booked_median AS time_from_first_touch_to_booked_median,
  touch_to_booked_p90 AS time_from_first_touch_to_booked_p90,
  (CAST(touch_to_booked_sum AS DOUBLE) / CAST(NULLIF(touch_to_booked_count, 0) AS DOUBLE)) AS time_from_first_touch_to_booked_mean,
  (CAST(quality_sum AS DOUBLE) / CAST(NULLIF(quality_count, 0) AS DOUBLE)) AS meeting_quality,
  CAST(COALESCE(quality_sum, 0) AS DOUBLE) AS meeting_quality_numerator,
  quality_count AS meeting_quality_denominator,
  CASE WHEN quality_count > 1 THEN (CAST(quality_sum AS DOUBLE) / CAST(NULLIF(quality_count, 0) AS DOUBLE)) - (params.z * SQRT(GREATEST(CAST(0 AS DOUBLE), (CAST(quality_squares AS DOUBLE) - CAST(quality_count AS DOUBLE) * (CAST(quality_sum AS DOUBLE) / CAST(NULLIF(quality_count, 0) AS DOUBLE)) * (CAST(quality_sum AS DOUBLE) / CAST(NULLIF(quality_count, 0) AS DOUBLE))) / CAST(NULLIF(quality_count - 1, 0) AS DOUBLE)) / CAST(NULLIF(quality_count, 0) AS DOUBLE))) END AS meeting_quality_low,
  CASE WHEN quality_count > 1 THEN (CAST(quality_sum AS DOUBLE) / CAST(NULLIF(quality_count, 0) AS DOUBLE)) + (params.z * SQRT(GREATEST(CAST(0 AS DOUBLE), (CAST(quality_squares AS DOUBLE) - CAST(quality_count AS DOUBLE) * (CAST(quality_sum AS DOUBLE) / CAST(NULLIF(quality_count, 0) AS DOUBLE)) * (CAST(quality_sum AS DOUBLE) / CAST(NULLIF(quality_count, 0) AS DOUBLE))) / CAST(NULLIF(quality_count - 1, 0) AS DOUBLE)) / CAST(NULLIF(quality_count, 0) AS DOUBLE))) END AS meeting_quality_high,
  (quality_count < 10) AS meeting_quality_low_sample,
  quality_1 AS meeting_quality_1,
  quality_2 AS meeting_quality_2,
  quality_3 AS meeting_quality_3,
  quality_4 AS meeting_quality_4,
  quality_5 AS meeting_quality_5
FROM levels CROSS JOIN params
ORDER BY CASE WHEN scope = 'overall' THEN 0 ELSE 1 END, sdr_id, week_start
