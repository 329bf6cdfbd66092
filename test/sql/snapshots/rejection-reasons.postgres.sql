-- handoff-kit rejection reasons (postgres)
WITH base AS (
  SELECT
    s.id AS handoff_id,
    COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id) AS ae_calendar,
    COALESCE(NULLIF(s.sdr_calendar_id, ''), s.sdr_id) AS sdr_calendar,
    s.sdr_id,
    s.ae_id,
    s.segment,
    s.source,
    COALESCE(to_char((CAST(COALESCE(s.booked_at, s.created_at) AT TIME ZONE 'UTC' AS DATE) - CAST(MOD(CAST(EXTRACT(ISODOW FROM CAST(COALESCE(s.booked_at, s.created_at) AT TIME ZONE 'UTC' AS DATE)) AS INTEGER) - 1 + 7, 7) AS INTEGER)), 'YYYY-MM-DD'), 'none') AS week_start,
    s.status,
    s.cycles,
    s.decision,
    s.outcome,
    s.style,
    CASE WHEN s.decision = 'rejected' THEN COALESCE(NULLIF(s.reason, ''), 'unspecified') END AS reason_code,
    CASE
      WHEN s.meeting_status IN ('held', 'no_show', 'cancelled') THEN s.meeting_status
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') AND s.meeting_start < CAST('2026-11-14T02:00:00.000Z' AS TIMESTAMPTZ) THEN 'past_unrecorded'
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') THEN 'upcoming'
    END AS meeting,
    -- An SDR-week as one value for COUNT(DISTINCT): the date is fixed-width, so no two pairs collide.
    CASE WHEN s.status <> 'draft' AND s.booked_at IS NOT NULL
      THEN CONCAT(to_char((CAST(s.booked_at AT TIME ZONE 'UTC' AS DATE) - CAST(MOD(CAST(EXTRACT(ISODOW FROM CAST(s.booked_at AT TIME ZONE 'UTC' AS DATE)) AS INTEGER) - 1 + 7, 7) AS INTEGER)), 'YYYY-MM-DD'), s.sdr_id) END AS sdr_week,
    CASE WHEN s.quality IN (1, 2, 3, 4, 5) THEN s.quality END AS quality,
    CASE WHEN s.decision = 'accepted' AND s.accepted_amount >= 0 AND s.accepted_amount <= 9007199254740991 AND COALESCE(s.accepted_currency, 'USD') = 'USD'
      THEN CAST(s.accepted_amount AS DOUBLE PRECISION) END AS pipeline_amount,
    CASE WHEN s.outcome = 'won' AND s.won_amount >= 0 AND s.won_amount <= 9007199254740991 AND COALESCE(s.won_currency, 'USD') = 'USD'
      THEN CAST(s.won_amount AS DOUBLE PRECISION) END AS deal_amount,
    CASE WHEN s.first_follow_up_at >= s.booked_at THEN CAST(CAST(FLOOR(EXTRACT(EPOCH FROM s.first_follow_up_at) * 1000) AS BIGINT) - CAST(FLOOR(EXTRACT(EPOCH FROM s.booked_at) * 1000) AS BIGINT) AS DOUBLE PRECISION) END AS follow_up,
    CAST(NULL AS DOUBLE PRECISION) AS follow_up_business,
    CASE WHEN s.first_booked_at >= s.first_touch_at THEN CAST(CAST(FLOOR(EXTRACT(EPOCH FROM s.first_booked_at) * 1000) AS BIGINT) - CAST(FLOOR(EXTRACT(EPOCH FROM s.first_touch_at) * 1000) AS BIGINT) AS DOUBLE PRECISION) END AS touch_to_booked
  FROM handoff_summaries s
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
)
SELECT * FROM (
  SELECT
    'overall' AS scope,
    CAST(NULL AS TEXT) AS segment,
    'code' AS breakdown,
    CAST(NULL AS TEXT) AS breakdown_key,
    reason_code AS code,
    COUNT(*) AS rejections,
    CAST(COUNT(*) AS DOUBLE PRECISION) / CAST(SUM(COUNT(*)) OVER () AS DOUBLE PRECISION) AS share
  FROM base
  WHERE reason_code IS NOT NULL
  GROUP BY reason_code
  UNION ALL
  SELECT
    'overall' AS scope,
    CAST(NULL AS TEXT) AS segment,
    'sdr' AS breakdown,
    sdr_id AS breakdown_key,
    reason_code AS code,
    COUNT(*) AS rejections,
    CAST(COUNT(*) AS DOUBLE PRECISION) / CAST(SUM(COUNT(*)) OVER (PARTITION BY sdr_id) AS DOUBLE PRECISION) AS share
  FROM base
  WHERE reason_code IS NOT NULL
  GROUP BY sdr_id, reason_code
  UNION ALL
  SELECT
    'overall' AS scope,
    CAST(NULL AS TEXT) AS segment,
    'segment' AS breakdown,
    segment AS breakdown_key,
    reason_code AS code,
    COUNT(*) AS rejections,
    CAST(COUNT(*) AS DOUBLE PRECISION) / CAST(SUM(COUNT(*)) OVER (PARTITION BY segment) AS DOUBLE PRECISION) AS share
  FROM base
  WHERE reason_code IS NOT NULL
  GROUP BY segment, reason_code
  UNION ALL
  SELECT
    'group' AS scope,
    segment,
    'code' AS breakdown,
    CAST(NULL AS TEXT) AS breakdown_key,
    reason_code AS code,
    COUNT(*) AS rejections,
    CAST(COUNT(*) AS DOUBLE PRECISION) / CAST(SUM(COUNT(*)) OVER (PARTITION BY segment) AS DOUBLE PRECISION) AS share
  FROM base
  WHERE reason_code IS NOT NULL
  GROUP BY segment, reason_code
  UNION ALL
  SELECT
    'group' AS scope,
    segment,
    'sdr' AS breakdown,
    sdr_id AS breakdown_key,
    reason_code AS code,
    COUNT(*) AS rejections,
    CAST(COUNT(*) AS DOUBLE PRECISION) / CAST(SUM(COUNT(*)) OVER (PARTITION BY segment, sdr_id) AS DOUBLE PRECISION) AS share
  FROM base
  WHERE reason_code IS NOT NULL
  GROUP BY segment, sdr_id, reason_code
  UNION ALL
  SELECT
    'group' AS scope,
    segment,
    'segment' AS breakdown,
    segment AS breakdown_key,
    reason_code AS code,
    COUNT(*) AS rejections,
    CAST(COUNT(*) AS DOUBLE PRECISION) / CAST(SUM(COUNT(*)) OVER (PARTITION BY segment) AS DOUBLE PRECISION) AS share
  FROM base
  WHERE reason_code IS NOT NULL
  GROUP BY segment, reason_code
) reasons
ORDER BY CASE WHEN scope = 'overall' THEN 0 ELSE 1 END, segment, breakdown, breakdown_key, rejections DESC, code
