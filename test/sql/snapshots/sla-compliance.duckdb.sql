-- handoff-kit SLA compliance (duckdb): as of 2026-11-30T12:00:00.000Z
WITH base AS (
  SELECT
    s.id AS handoff_id,
    COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id) AS ae_calendar,
    COALESCE(NULLIF(s.sdr_calendar_id, ''), s.sdr_id) AS sdr_calendar,
    s.sdr_id,
    s.ae_id,
    s.segment,
    s.source,
    COALESCE(strftime((CAST(COALESCE(s.booked_at, s.created_at) AT TIME ZONE 'UTC' AS DATE) - CAST(MOD(isodow(CAST(COALESCE(s.booked_at, s.created_at) AT TIME ZONE 'UTC' AS DATE)) - 1 + 7, 7) AS INTEGER)), '%Y-%m-%d'), 'none') AS week_start,
    s.status,
    s.cycles,
    s.decision,
    s.outcome,
    s.style,
    CASE WHEN s.decision = 'rejected' THEN COALESCE(NULLIF(s.reason, ''), 'unspecified') END AS reason_code,
    CASE
      WHEN s.meeting_status IN ('held', 'no_show', 'cancelled') THEN s.meeting_status
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') AND s.meeting_start < CAST('2026-11-30T12:00:00.000Z' AS TIMESTAMPTZ) THEN 'past_unrecorded'
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') THEN 'upcoming'
    END AS meeting,
    -- An SDR-week as one value for COUNT(DISTINCT): the date is fixed-width, so no two pairs collide.
    CASE WHEN s.status <> 'draft' AND s.booked_at IS NOT NULL
      THEN CONCAT(strftime((CAST(s.booked_at AT TIME ZONE 'UTC' AS DATE) - CAST(MOD(isodow(CAST(s.booked_at AT TIME ZONE 'UTC' AS DATE)) - 1 + 7, 7) AS INTEGER)), '%Y-%m-%d'), s.sdr_id) END AS sdr_week,
    CASE WHEN s.quality IN (1, 2, 3, 4, 5) THEN s.quality END AS quality,
    CASE WHEN s.decision = 'accepted' AND s.accepted_amount >= 0 AND s.accepted_amount <= 9007199254740991 AND COALESCE(s.accepted_currency, 'USD') = 'USD'
      THEN CAST(s.accepted_amount AS DOUBLE) END AS pipeline_amount,
    CASE WHEN s.outcome = 'won' AND s.won_amount >= 0 AND s.won_amount <= 9007199254740991 AND COALESCE(s.won_currency, 'USD') = 'USD'
      THEN CAST(s.won_amount AS DOUBLE) END AS deal_amount,
    CASE WHEN s.first_follow_up_at >= s.booked_at THEN CAST(epoch_ms(s.first_follow_up_at) - epoch_ms(s.booked_at) AS DOUBLE) END AS follow_up,
    CAST(NULL AS DOUBLE) AS follow_up_business,
    CASE WHEN s.first_booked_at >= s.first_touch_at THEN CAST(epoch_ms(s.first_booked_at) - epoch_ms(s.first_touch_at) AS DOUBLE) END AS touch_to_booked
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
),
params AS (
  SELECT CAST('1.9599639845400543' AS DOUBLE) AS z
),
sla_events AS (
  SELECT * FROM (
    SELECT e.handoff_id, e.seq, e.event_type, epoch_ms(e.event_at) AS at_ms, epoch_ms(e.meeting_start) AS meeting_ms,
      b.ae_calendar, b.sdr_calendar,
      MAX(epoch_ms(e.event_at)) OVER (PARTITION BY e.handoff_id ORDER BY e.seq
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS latest_ms
    FROM handoff_events e
    JOIN base b ON b.handoff_id = e.handoff_id
    WHERE epoch_ms(e.event_at) <= 1796040000000
  ) ordered
  WHERE at_ms = latest_ms
),
sla_calendars AS (
  SELECT DISTINCT calendar_id FROM calendar_intervals WHERE calendar_id IS NOT NULL
),
open_intervals AS (
  SELECT calendar_id, start_ms, end_ms,
    SUM(end_ms - start_ms) OVER (PARTITION BY calendar_id ORDER BY start_ms
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - (end_ms - start_ms) AS open_before,
    SUM(end_ms - start_ms) OVER (PARTITION BY calendar_id ORDER BY start_ms
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS open_through
  FROM (
    SELECT DISTINCT calendar_id, epoch_ms(start_utc) AS start_ms, epoch_ms(end_utc) AS end_ms
    FROM calendar_intervals
    WHERE end_utc > start_utc
  ) distinct_intervals
),
sla_days AS (
  SELECT calendar_id, day_number, business_day, epoch_ms(day_start_utc) AS day_start_ms, offset_ms,
    epoch_ms(offset_change_utc) AS offset_change_ms, offset_after_ms, landing_offset_ms, landing_switch_ms,
    landing_offset_after_ms, epoch_ms(open_utc) AS open_ms, epoch_ms(close_utc) AS close_ms
  FROM calendar_days
),
sla_business_days AS (
  SELECT calendar_id, business_day, MIN(day_number) AS day_number FROM sla_days GROUP BY calendar_id, business_day
),
p0_marks AS (
  SELECT handoff_id, seq, at_ms, ae_calendar AS calendar_id,
    CASE WHEN event_type IN ('booked') THEN 'start'
      WHEN event_type IN ('accepted', 'rejected') THEN 'stop' ELSE 'cancel' END AS role
  FROM sla_events
  WHERE event_type IN ('booked', 'accepted', 'rejected', 'cancelled')
),
p0_cycles AS (
  SELECT handoff_id, calendar_id, seq AS start_seq, at_ms AS start_ms,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_seq ELSE cancel_seq END AS end_seq,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_ms END AS stop_ms,
    CASE WHEN cancel_seq < COALESCE(stop_seq, cancel_seq + 1) THEN cancel_ms END AS cancel_ms
  FROM (
    SELECT marks.*,
      LAG(role) OVER (PARTITION BY handoff_id ORDER BY seq) AS previous_role,
      MIN(CASE WHEN role = 'stop' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_seq,
      MIN(CASE WHEN role = 'stop' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_ms,
      MIN(CASE WHEN role = 'cancel' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_seq,
      MIN(CASE WHEN role = 'cancel' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_ms
    FROM p0_marks marks
  ) m
  WHERE role = 'start' AND (previous_role IS NULL OR previous_role <> 'start')
    AND calendar_id IN (SELECT calendar_id FROM sla_calendars)
),
p0_day AS (
  SELECT calendar_id, t_ms, found_ms AS key_ms, offset_ms, offset_change_ms, offset_after_ms FROM (
    SELECT calendar_id, t_ms, kind, found_ms,
      MAX(offset_ms) OVER (PARTITION BY calendar_id, found_ms) AS offset_ms,
      MAX(offset_change_ms) OVER (PARTITION BY calendar_id, found_ms) AS offset_change_ms,
      MAX(offset_after_ms) OVER (PARTITION BY calendar_id, found_ms) AS offset_after_ms
    FROM (
      SELECT calendar_id, t_ms, kind, offset_ms, offset_change_ms, offset_after_ms, MAX(key_ms) OVER (PARTITION BY calendar_id ORDER BY t_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS found_ms
      FROM (
        SELECT calendar_id, day_start_ms AS t_ms, 0 AS kind, day_start_ms AS key_ms, offset_ms, offset_change_ms, offset_after_ms
        FROM sla_days p0_day_keys
        WHERE day_start_ms IS NOT NULL
        UNION ALL
        SELECT DISTINCT calendar_id, start_ms AS t_ms, 1 AS kind,
          CAST(NULL AS BIGINT) AS key_ms, CAST(NULL AS BIGINT) AS offset_ms, CAST(NULL AS BIGINT) AS offset_change_ms, CAST(NULL AS BIGINT) AS offset_after_ms
        FROM p0_cycles p0_day_instants
        WHERE start_ms IS NOT NULL
      ) p0_day_timeline
    ) p0_day_found
  ) p0_day_carried
  WHERE kind = 1
),
p0_wall AS (
  SELECT c.*, c.start_ms + CASE WHEN d.offset_change_ms IS NOT NULL AND c.start_ms >= d.offset_change_ms
      THEN d.offset_after_ms ELSE d.offset_ms END AS wall_ms
  FROM p0_cycles c
  LEFT JOIN p0_day d ON d.calendar_id = c.calendar_id AND d.t_ms = c.start_ms
),
p0_local AS (
  SELECT d.*, d.wall_ms - d.day_number * 86400000 AS time_of_day_ms
  FROM (
    SELECT w.*, CAST(FLOOR(CAST(w.wall_ms AS DOUBLE) / CAST(86400000 AS DOUBLE)) AS BIGINT) AS day_number
    FROM p0_wall w
  ) d
),
p0_counted AS (
  SELECT c.*, s.business_day + 1 AS target_business_day
  FROM p0_local c
  LEFT JOIN sla_days s ON s.calendar_id = c.calendar_id AND s.day_number = c.day_number
),
p0_target_day AS (
  SELECT c.*, t.day_number AS target_day
  FROM p0_counted c
  LEFT JOIN sla_business_days t ON t.calendar_id = c.calendar_id AND t.business_day = c.target_business_day
),
p0_landing AS (
  SELECT c.*, c.target_day * 86400000 + c.time_of_day_ms
    - CASE WHEN r.landing_switch_ms IS NOT NULL AND c.time_of_day_ms >= r.landing_switch_ms
      THEN r.landing_offset_after_ms ELSE r.landing_offset_ms END AS landing_ms
  FROM p0_target_day c
  LEFT JOIN sla_days r ON r.calendar_id = c.calendar_id AND r.day_number = c.target_day
),
p0_next AS (
  SELECT calendar_id, t_ms, found_ms AS key_ms, start_ms FROM (
    SELECT calendar_id, t_ms, kind, found_ms,
      MAX(start_ms) OVER (PARTITION BY calendar_id, found_ms) AS start_ms
    FROM (
      SELECT calendar_id, t_ms, kind, start_ms, MIN(key_ms) OVER (PARTITION BY calendar_id ORDER BY t_ms DESC, kind DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS found_ms
      FROM (
        SELECT calendar_id, end_ms AS t_ms, 0 AS kind, end_ms AS key_ms, start_ms
        FROM open_intervals p0_next_keys
        WHERE end_ms IS NOT NULL
        UNION ALL
        SELECT DISTINCT calendar_id, landing_ms AS t_ms, 1 AS kind,
          CAST(NULL AS BIGINT) AS key_ms, CAST(NULL AS BIGINT) AS start_ms
        FROM p0_landing p0_next_instants
        WHERE landing_ms IS NOT NULL
      ) p0_next_timeline
    ) p0_next_found
  ) p0_next_carried
  WHERE kind = 1
),
p0_uncapped AS (
  SELECT c.*, CASE WHEN i.start_ms > c.landing_ms THEN i.start_ms WHEN i.start_ms IS NOT NULL THEN c.landing_ms END AS uncapped_ms
  FROM p0_landing c
  LEFT JOIN p0_next i ON i.calendar_id = c.calendar_id AND i.t_ms = c.landing_ms
),
p0_cap_events AS (
  SELECT c.handoff_id, c.start_seq, c.uncapped_ms, e.seq, e.at_ms, e.meeting_ms,
    COUNT(e.meeting_ms) OVER (PARTITION BY c.handoff_id, c.start_seq ORDER BY e.seq
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      AS meetings_so_far
  FROM p0_uncapped c
  JOIN sla_events e ON e.handoff_id = c.handoff_id AND e.seq >= c.start_seq
    AND (c.end_seq IS NULL OR e.seq <= c.end_seq)
  WHERE c.uncapped_ms IS NOT NULL
),
p0_cap_latest AS (
  SELECT x.*, MAX(meeting_ms) OVER (PARTITION BY handoff_id, start_seq, meetings_so_far) AS latest_meeting_ms
  FROM p0_cap_events x
),
p0_cap_before AS (
  SELECT y.*, LAG(latest_meeting_ms) OVER (PARTITION BY handoff_id, start_seq ORDER BY seq) AS meeting_before_ms
  FROM p0_cap_latest y
),
p0_cap_read AS (
  SELECT z.*, MAX(CASE WHEN at_ms > CASE WHEN meeting_before_ms < uncapped_ms THEN meeting_before_ms ELSE uncapped_ms END THEN 1 ELSE 0 END)
    OVER (PARTITION BY handoff_id, start_seq ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS passed
  FROM p0_cap_before z
),
p0_capped AS (
  SELECT handoff_id, start_seq, CASE WHEN latest_meeting_ms < uncapped_ms THEN latest_meeting_ms ELSE uncapped_ms END AS deadline_ms
  FROM (
    SELECT r.*, ROW_NUMBER() OVER (PARTITION BY handoff_id, start_seq ORDER BY seq DESC) AS from_last
    FROM p0_cap_read r
    WHERE passed = 0
  ) read_events
  WHERE from_last = 1
),
p0_states AS (
  SELECT c.handoff_id,
    CASE WHEN COALESCE(x.deadline_ms, c.uncapped_ms) IS NULL THEN 'beyond_tables'
      WHEN COALESCE(c.stop_ms, c.cancel_ms, 1796040000000) > COALESCE(x.deadline_ms, c.uncapped_ms) THEN 'breached'
      WHEN c.cancel_ms IS NOT NULL THEN 'cancelled'
      WHEN c.stop_ms IS NOT NULL THEN 'met'
      ELSE 'running'
    END AS state
  FROM p0_uncapped c
  LEFT JOIN p0_capped x ON x.handoff_id = c.handoff_id AND x.start_seq = c.start_seq
),
p1_marks AS (
  SELECT handoff_id, seq, at_ms, CAST(NULL AS VARCHAR) AS calendar_id,
    CASE WHEN event_type IN ('meeting_held') THEN 'start'
      WHEN event_type IN ('accepted', 'rejected') THEN 'stop' ELSE 'cancel' END AS role
  FROM sla_events
  WHERE event_type IN ('meeting_held', 'accepted', 'rejected')
),
p1_cycles AS (
  SELECT handoff_id, calendar_id, seq AS start_seq, at_ms AS start_ms,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_seq ELSE cancel_seq END AS end_seq,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_ms END AS stop_ms,
    CASE WHEN cancel_seq < COALESCE(stop_seq, cancel_seq + 1) THEN cancel_ms END AS cancel_ms
  FROM (
    SELECT marks.*,
      LAG(role) OVER (PARTITION BY handoff_id ORDER BY seq) AS previous_role,
      MIN(CASE WHEN role = 'stop' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_seq,
      MIN(CASE WHEN role = 'stop' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_ms,
      MIN(CASE WHEN role = 'cancel' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_seq,
      MIN(CASE WHEN role = 'cancel' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_ms
    FROM p1_marks marks
  ) m
  WHERE role = 'start' AND (previous_role IS NULL OR previous_role <> 'start')
),
p1_uncapped AS (
  SELECT c.*, c.start_ms + 172800000 AS uncapped_ms FROM p1_cycles c
),
p1_states AS (
  SELECT c.handoff_id,
    CASE WHEN c.uncapped_ms IS NULL THEN 'beyond_tables'
      WHEN COALESCE(c.stop_ms, c.cancel_ms, 1796040000000) > c.uncapped_ms THEN 'breached'
      WHEN c.cancel_ms IS NOT NULL THEN 'cancelled'
      WHEN c.stop_ms IS NOT NULL THEN 'met'
      ELSE 'running'
    END AS state
  FROM p1_uncapped c
),
p2_marks AS (
  SELECT handoff_id, seq, at_ms, CAST(NULL AS VARCHAR) AS calendar_id,
    CASE WHEN event_type IN ('booked') THEN 'start'
      WHEN event_type IN ('first_follow_up') THEN 'stop' ELSE 'cancel' END AS role
  FROM sla_events
  WHERE event_type IN ('booked', 'first_follow_up', 'rejected', 'cancelled')
),
p2_cycles AS (
  SELECT handoff_id, calendar_id, seq AS start_seq, at_ms AS start_ms,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_seq ELSE cancel_seq END AS end_seq,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_ms END AS stop_ms,
    CASE WHEN cancel_seq < COALESCE(stop_seq, cancel_seq + 1) THEN cancel_ms END AS cancel_ms
  FROM (
    SELECT marks.*,
      LAG(role) OVER (PARTITION BY handoff_id ORDER BY seq) AS previous_role,
      MIN(CASE WHEN role = 'stop' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_seq,
      MIN(CASE WHEN role = 'stop' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_ms,
      MIN(CASE WHEN role = 'cancel' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_seq,
      MIN(CASE WHEN role = 'cancel' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_ms
    FROM p2_marks marks
  ) m
  WHERE role = 'start' AND (previous_role IS NULL OR previous_role <> 'start')
),
p2_uncapped AS (
  SELECT c.*, c.start_ms + 172800000 AS uncapped_ms FROM p2_cycles c
),
p2_states AS (
  SELECT c.handoff_id,
    CASE WHEN c.uncapped_ms IS NULL THEN 'beyond_tables'
      WHEN COALESCE(c.stop_ms, c.cancel_ms, 1796040000000) > c.uncapped_ms THEN 'breached'
      WHEN c.cancel_ms IS NOT NULL THEN 'cancelled'
      WHEN c.stop_ms IS NOT NULL THEN 'met'
      ELSE 'running'
    END AS state
  FROM p2_uncapped c
),
p3_marks AS (
  SELECT handoff_id, seq, at_ms, ae_calendar AS calendar_id,
    CASE WHEN event_type IN ('booked') THEN 'start'
      WHEN event_type IN ('acknowledged') THEN 'stop' ELSE 'cancel' END AS role
  FROM sla_events
  WHERE event_type IN ('booked', 'acknowledged', 'cancelled')
),
p3_cycles AS (
  SELECT handoff_id, calendar_id, seq AS start_seq, at_ms AS start_ms,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_seq ELSE cancel_seq END AS end_seq,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_ms END AS stop_ms,
    CASE WHEN cancel_seq < COALESCE(stop_seq, cancel_seq + 1) THEN cancel_ms END AS cancel_ms
  FROM (
    SELECT marks.*,
      LAG(role) OVER (PARTITION BY handoff_id ORDER BY seq) AS previous_role,
      MIN(CASE WHEN role = 'stop' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_seq,
      MIN(CASE WHEN role = 'stop' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_ms,
      MIN(CASE WHEN role = 'cancel' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_seq,
      MIN(CASE WHEN role = 'cancel' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_ms
    FROM p3_marks marks
  ) m
  WHERE role = 'start' AND (previous_role IS NULL OR previous_role <> 'start')
    AND calendar_id IN (SELECT calendar_id FROM sla_calendars)
),
p3_before AS (
  SELECT calendar_id, t_ms, found_ms AS key_ms, start_ms, end_ms, open_before FROM (
    SELECT calendar_id, t_ms, kind, found_ms,
      MAX(start_ms) OVER (PARTITION BY calendar_id, found_ms) AS start_ms,
      MAX(end_ms) OVER (PARTITION BY calendar_id, found_ms) AS end_ms,
      MAX(open_before) OVER (PARTITION BY calendar_id, found_ms) AS open_before
    FROM (
      SELECT calendar_id, t_ms, kind, start_ms, end_ms, open_before, MAX(key_ms) OVER (PARTITION BY calendar_id ORDER BY t_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS found_ms
      FROM (
        SELECT calendar_id, start_ms AS t_ms, 0 AS kind, start_ms AS key_ms, start_ms, end_ms, open_before
        FROM open_intervals p3_before_keys
        WHERE start_ms IS NOT NULL
        UNION ALL
        SELECT DISTINCT calendar_id, start_ms AS t_ms, 1 AS kind,
          CAST(NULL AS BIGINT) AS key_ms, CAST(NULL AS BIGINT) AS start_ms, CAST(NULL AS BIGINT) AS end_ms, CAST(NULL AS BIGINT) AS open_before
        FROM p3_cycles p3_before_instants
        WHERE start_ms IS NOT NULL
      ) p3_before_timeline
    ) p3_before_found
  ) p3_before_carried
  WHERE kind = 1
),
p3_target AS (
  SELECT c.*, COALESCE(i.open_before + LEAST(c.start_ms - i.start_ms, i.end_ms - i.start_ms), 0) + 3600000 AS target_ms
  FROM p3_cycles c
  LEFT JOIN p3_before i ON i.calendar_id = c.calendar_id AND i.t_ms = c.start_ms
),
p3_reach AS (
  SELECT calendar_id, t_ms, found_ms AS key_ms, start_ms, end_ms, open_before FROM (
    SELECT calendar_id, t_ms, kind, found_ms,
      MAX(start_ms) OVER (PARTITION BY calendar_id, found_ms) AS start_ms,
      MAX(end_ms) OVER (PARTITION BY calendar_id, found_ms) AS end_ms,
      MAX(open_before) OVER (PARTITION BY calendar_id, found_ms) AS open_before
    FROM (
      SELECT calendar_id, t_ms, kind, start_ms, end_ms, open_before, MIN(key_ms) OVER (PARTITION BY calendar_id ORDER BY t_ms DESC, kind DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS found_ms
      FROM (
        SELECT calendar_id, open_through AS t_ms, 2 AS kind, open_through AS key_ms, start_ms, end_ms, open_before
        FROM open_intervals p3_reach_keys
        WHERE open_through IS NOT NULL
        UNION ALL
        SELECT DISTINCT calendar_id, target_ms AS t_ms, 1 AS kind,
          CAST(NULL AS BIGINT) AS key_ms, CAST(NULL AS BIGINT) AS start_ms, CAST(NULL AS BIGINT) AS end_ms, CAST(NULL AS BIGINT) AS open_before
        FROM p3_target p3_reach_instants
        WHERE target_ms IS NOT NULL
      ) p3_reach_timeline
    ) p3_reach_found
  ) p3_reach_carried
  WHERE kind = 1
),
p3_uncapped AS (
  SELECT c.*, i.start_ms + (c.target_ms - i.open_before) AS uncapped_ms
  FROM p3_target c
  LEFT JOIN p3_reach i ON i.calendar_id = c.calendar_id AND i.t_ms = c.target_ms
),
p3_states AS (
  SELECT c.handoff_id,
    CASE WHEN c.uncapped_ms IS NULL THEN 'beyond_tables'
      WHEN COALESCE(c.stop_ms, c.cancel_ms, 1796040000000) > c.uncapped_ms THEN 'breached'
      WHEN c.cancel_ms IS NOT NULL THEN 'cancelled'
      WHEN c.stop_ms IS NOT NULL THEN 'met'
      ELSE 'running'
    END AS state
  FROM p3_uncapped c
),
p4_marks AS (
  SELECT handoff_id, seq, at_ms, ae_calendar AS calendar_id,
    CASE WHEN event_type IN ('booked') THEN 'start'
      WHEN event_type IN ('first_follow_up') THEN 'stop' ELSE 'cancel' END AS role
  FROM sla_events
  WHERE event_type IN ('booked', 'first_follow_up', 'rejected', 'cancelled')
),
p4_cycles AS (
  SELECT handoff_id, calendar_id, seq AS start_seq, at_ms AS start_ms,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_seq ELSE cancel_seq END AS end_seq,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_ms END AS stop_ms,
    CASE WHEN cancel_seq < COALESCE(stop_seq, cancel_seq + 1) THEN cancel_ms END AS cancel_ms
  FROM (
    SELECT marks.*,
      LAG(role) OVER (PARTITION BY handoff_id ORDER BY seq) AS previous_role,
      MIN(CASE WHEN role = 'stop' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_seq,
      MIN(CASE WHEN role = 'stop' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stop_ms,
      MIN(CASE WHEN role = 'cancel' THEN seq END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_seq,
      MIN(CASE WHEN role = 'cancel' THEN at_ms END) OVER (PARTITION BY handoff_id
        ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cancel_ms
    FROM p4_marks marks
  ) m
  WHERE role = 'start' AND (previous_role IS NULL OR previous_role <> 'start')
    AND calendar_id IN (SELECT calendar_id FROM sla_calendars)
),
p4_next AS (
  SELECT calendar_id, t_ms, found_ms AS key_ms, start_ms FROM (
    SELECT calendar_id, t_ms, kind, found_ms,
      MAX(start_ms) OVER (PARTITION BY calendar_id, found_ms) AS start_ms
    FROM (
      SELECT calendar_id, t_ms, kind, start_ms, MIN(key_ms) OVER (PARTITION BY calendar_id ORDER BY t_ms DESC, kind DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS found_ms
      FROM (
        SELECT calendar_id, end_ms AS t_ms, 0 AS kind, end_ms AS key_ms, start_ms
        FROM open_intervals p4_next_keys
        WHERE end_ms IS NOT NULL
        UNION ALL
        SELECT DISTINCT calendar_id, start_ms AS t_ms, 1 AS kind,
          CAST(NULL AS BIGINT) AS key_ms, CAST(NULL AS BIGINT) AS start_ms
        FROM p4_cycles p4_next_instants
        WHERE start_ms IS NOT NULL
      ) p4_next_timeline
    ) p4_next_found
  ) p4_next_carried
  WHERE kind = 1
),
p4_open AS (
  SELECT c.*, CASE WHEN i.start_ms > c.start_ms THEN i.start_ms WHEN i.start_ms IS NOT NULL THEN c.start_ms END AS open_ms
  FROM p4_cycles c
  LEFT JOIN p4_next i ON i.calendar_id = c.calendar_id AND i.t_ms = c.start_ms
),
p4_owner AS (
  SELECT calendar_id, t_ms, found_ms AS key_ms, close_ms FROM (
    SELECT calendar_id, t_ms, kind, found_ms,
      MAX(close_ms) OVER (PARTITION BY calendar_id, found_ms) AS close_ms
    FROM (
      SELECT calendar_id, t_ms, kind, close_ms, MAX(key_ms) OVER (PARTITION BY calendar_id ORDER BY t_ms, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS found_ms
      FROM (
        SELECT calendar_id, open_ms AS t_ms, 0 AS kind, open_ms AS key_ms, close_ms
        FROM sla_days p4_owner_keys
        WHERE open_ms IS NOT NULL
        UNION ALL
        SELECT DISTINCT calendar_id, open_ms AS t_ms, 1 AS kind,
          CAST(NULL AS BIGINT) AS key_ms, CAST(NULL AS BIGINT) AS close_ms
        FROM p4_open p4_owner_instants
        WHERE open_ms IS NOT NULL
      ) p4_owner_timeline
    ) p4_owner_found
  ) p4_owner_carried
  WHERE kind = 1
),
p4_uncapped AS (
  SELECT c.*, d.close_ms AS uncapped_ms
  FROM p4_open c
  LEFT JOIN p4_owner d ON d.calendar_id = c.calendar_id AND d.t_ms = c.open_ms
),
p4_states AS (
  SELECT c.handoff_id,
    CASE WHEN c.uncapped_ms IS NULL THEN 'beyond_tables'
      WHEN COALESCE(c.stop_ms, c.cancel_ms, 1796040000000) > c.uncapped_ms THEN 'breached'
      WHEN c.cancel_ms IS NOT NULL THEN 'cancelled'
      WHEN c.stop_ms IS NOT NULL THEN 'met'
      ELSE 'running'
    END AS state
  FROM p4_uncapped c
),
sla_policies AS (
  SELECT 0 AS policy_index, 'ae-accepts-within-one-business-day' AS policy_id, 'AE accepts or rejects within one business day of booking, and before the meeting' AS policy_label, 'ae' AS policy_owner, 'ae' AS needs
  UNION ALL
  SELECT 1 AS policy_index, 'ae-decides-within-48-hours-of-meeting' AS policy_id, 'AE accepts or rejects within 48 hours after the meeting' AS policy_label, 'ae' AS policy_owner, CAST(NULL AS VARCHAR) AS needs
  UNION ALL
  SELECT 2 AS policy_index, 'ae-follows-up-within-48-hours' AS policy_id, 'AE follows up with the prospect within 48 hours of the handoff' AS policy_label, 'ae' AS policy_owner, CAST(NULL AS VARCHAR) AS needs
  UNION ALL
  SELECT 3 AS policy_index, 'ae-acknowledges-within-one-business-hour' AS policy_id, 'AE acknowledges the handoff and reviews the brief within one business hour' AS policy_label, 'ae' AS policy_owner, 'ae' AS needs
  UNION ALL
  SELECT 4 AS policy_index, 'ae-confirms-same-business-day' AS policy_id, 'AE confirms to the prospect the same business day' AS policy_label, 'ae' AS policy_owner, 'ae' AS needs
),
sla_judged AS (
  SELECT 0 AS policy_index, handoff_id, state FROM p0_states
  UNION ALL
  SELECT 1 AS policy_index, handoff_id, state FROM p1_states
  UNION ALL
  SELECT 2 AS policy_index, handoff_id, state FROM p2_states
  UNION ALL
  SELECT 3 AS policy_index, handoff_id, state FROM p3_states
  UNION ALL
  SELECT 4 AS policy_index, handoff_id, state FROM p4_states
  UNION ALL
  SELECT pol.policy_index, b.handoff_id, 'not_evaluated' AS state
  FROM base b
  CROSS JOIN sla_policies pol
  WHERE pol.needs IS NOT NULL AND (
    pol.needs NOT IN ('ae', 'sdr')
    OR (CASE WHEN pol.needs = 'ae' THEN b.ae_calendar ELSE b.sdr_calendar END)
      NOT IN (SELECT calendar_id FROM sla_calendars)
  )
),
sla_levels AS (
  SELECT 'overall' AS scope,
    CAST(NULL AS VARCHAR) AS ae_id,
    pol.policy_index, pol.policy_id, pol.policy_label, pol.policy_owner,
    COUNT(CASE WHEN j.state = 'met' THEN 1 END) AS met,
    COUNT(CASE WHEN j.state = 'breached' THEN 1 END) AS breached,
    COUNT(CASE WHEN j.state = 'running' THEN 1 END) AS running,
    COUNT(CASE WHEN j.state = 'cancelled' THEN 1 END) AS cancelled,
    COUNT(CASE WHEN j.state = 'not_evaluated' THEN 1 END) AS not_evaluated,
    COUNT(CASE WHEN j.state = 'beyond_tables' THEN 1 END) AS beyond_tables
  FROM base b
  CROSS JOIN sla_policies pol
  LEFT JOIN sla_judged j ON j.handoff_id = b.handoff_id AND j.policy_index = pol.policy_index
  GROUP BY pol.policy_index, pol.policy_id, pol.policy_label, pol.policy_owner
  UNION ALL
  SELECT 'group' AS scope,
    b.ae_id,
    pol.policy_index, pol.policy_id, pol.policy_label, pol.policy_owner,
    COUNT(CASE WHEN j.state = 'met' THEN 1 END) AS met,
    COUNT(CASE WHEN j.state = 'breached' THEN 1 END) AS breached,
    COUNT(CASE WHEN j.state = 'running' THEN 1 END) AS running,
    COUNT(CASE WHEN j.state = 'cancelled' THEN 1 END) AS cancelled,
    COUNT(CASE WHEN j.state = 'not_evaluated' THEN 1 END) AS not_evaluated,
    COUNT(CASE WHEN j.state = 'beyond_tables' THEN 1 END) AS beyond_tables
  FROM base b
  CROSS JOIN sla_policies pol
  LEFT JOIN sla_judged j ON j.handoff_id = b.handoff_id AND j.policy_index = pol.policy_index
  GROUP BY b.ae_id, pol.policy_index, pol.policy_id, pol.policy_label, pol.policy_owner
)
SELECT
  scope,
  ae_id,
  policy_id,
  policy_label,
  policy_owner,
  met,
  breached,
  running,
  cancelled,
  not_evaluated,
  beyond_tables,
  (CAST(met AS DOUBLE) / CAST(NULLIF(met + breached, 0) AS DOUBLE)) AS compliance,
  met AS compliance_numerator,
  met + breached AS compliance_denominator,
  CASE WHEN met + breached > 0 THEN GREATEST(CAST(0 AS DOUBLE), LEAST((CAST(met AS DOUBLE) / CAST(NULLIF(met + breached, 0) AS DOUBLE)), (((CAST(met AS DOUBLE) / CAST(NULLIF(met + breached, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(met + breached, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(met + breached, 0) AS DOUBLE)))) - ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(met + breached, 0) AS DOUBLE)))) * SQRT(((CAST(met AS DOUBLE) / CAST(NULLIF(met + breached, 0) AS DOUBLE)) * (1 - (CAST(met AS DOUBLE) / CAST(NULLIF(met + breached, 0) AS DOUBLE)))) / CAST(NULLIF(met + breached, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(met + breached, 0) AS DOUBLE)) / (4 * CAST(NULLIF(met + breached, 0) AS DOUBLE)))))) END AS compliance_low,
  CASE WHEN met + breached > 0 THEN LEAST(CAST(1 AS DOUBLE), GREATEST((CAST(met AS DOUBLE) / CAST(NULLIF(met + breached, 0) AS DOUBLE)), (((CAST(met AS DOUBLE) / CAST(NULLIF(met + breached, 0) AS DOUBLE)) + ((params.z * params.z) / CAST(NULLIF(met + breached, 0) AS DOUBLE)) / 2) / (1 + ((params.z * params.z) / CAST(NULLIF(met + breached, 0) AS DOUBLE)))) + ((params.z / (1 + ((params.z * params.z) / CAST(NULLIF(met + breached, 0) AS DOUBLE)))) * SQRT(((CAST(met AS DOUBLE) / CAST(NULLIF(met + breached, 0) AS DOUBLE)) * (1 - (CAST(met AS DOUBLE) / CAST(NULLIF(met + breached, 0) AS DOUBLE)))) / CAST(NULLIF(met + breached, 0) AS DOUBLE) + ((params.z * params.z) / CAST(NULLIF(met + breached, 0) AS DOUBLE)) / (4 * CAST(NULLIF(met + breached, 0) AS DOUBLE)))))) END AS compliance_high,
  (met + breached < 10) AS compliance_low_sample
FROM sla_levels CROSS JOIN params
ORDER BY CASE WHEN scope = 'overall' THEN 0 ELSE 1 END, ae_id, policy_index
