-- The five core checks of TrainAudit written again in DuckDB SQL, over the same CSV files:
-- an independent second implementation (bench/run fails loudly when the counts differ).
--
-- ${DATA} is replaced by the data folder, ${CERT} by the roster's assessment column or NULL
-- (bench/duckdb_checks.py). The last statement
-- gives one row per check: (code, findings), counted the way the Swift check emits them:
--   REG001  one per person (valid roster ID) not in the registry
--   DUP001  one per (person, occupation, level) subsidised two or more times
--   SCH001  one per (person, unordered pair of classes) with at least one clash
--   PRX001  one per burst: merged runs of 10-second windows holding >= 5 people, per device
--   CLS001  one per class with more than 50 distinct people on its roster
-- Thresholds are the guyuan pack's (rules/guyuan.yaml → ningxia → national):
-- max_class_size 50, burst.window_seconds 10, burst.min_people 5.
--
-- Simplifications, which the generated data does not exercise: a "readable ID" is one of
-- 17 digits and a digit or X (the Swift reader also repairs spreadsheet damage); text keys
-- are trimmed, spaces dropped and full-width brackets made ASCII (CheckText.key);

-- Roster: enrollments, in file order.
CREATE TEMP TABLE roster AS
SELECT row_number() OVER () AS rn,
       upper(replace(trim("身份证号码"), ' ', '')) AS id,
       replace(trim("姓名"), ' ', '') AS name,
       nullif(trim("培训职业(工种)或专项职业能力"), '') AS occupation,
       nullif(trim("培训等级"), '') AS level,
       TRY_CAST(nullif(trim("培训和鉴定补贴金额(元)"), '') AS DOUBLE) AS subsidy,
       TRY_CAST(nullif(trim("开班日期"), '') AS DATE) AS start,
       -- ${CERT}: the assessment column when the roster has one (鉴定或考核通过情况), else NULL.
       trim(CAST(${CERT} AS VARCHAR)) IN ('0', '不合格', '未通过', '否', '×', '未取证', '不通过') AS failed,
       coalesce(nullif(trim("班级编号"), ''),
                concat_ws('·', coalesce(nullif(trim("培训机构"), ''), '?'),
                          coalesce(nullif(trim("培训职业(工种)或专项职业能力"), ''), '?'),
                          coalesce(nullif(trim("开班日期"), ''), '?'))) AS class_key
FROM read_csv('${DATA}/roster.csv', header = true, all_varchar = true);

-- Class register: the first row of each class ID fills what a roster row leaves blank.
CREATE TEMP TABLE classes AS
SELECT class_id, arg_min(occupation, rn) AS occupation, arg_min(level, rn) AS level,
       arg_min(start, rn) AS start
FROM (SELECT row_number() OVER () AS rn,
             trim("班级编号") AS class_id,
             TRY_CAST(nullif(trim("开班日期"), '') AS DATE) AS start,
             nullif(trim("培训职业(工种)"), '') AS occupation,
             nullif(trim("培训等级"), '') AS level
      FROM read_csv('${DATA}/classes.csv', header = true, all_varchar = true))
WHERE class_id <> ''
GROUP BY class_id;

CREATE TEMP TABLE payments AS
SELECT upper(replace(trim("身份证号码"), ' ', '')) AS id,
       TRY_CAST(nullif(trim("发放金额"), '') AS DOUBLE) AS amount,
       nullif(trim("班级编号"), '') AS class_id
FROM read_csv('${DATA}/payments.csv', header = true, all_varchar = true);

CREATE TEMP TABLE registry AS
SELECT DISTINCT upper(replace(trim("证件号码"), ' ', '')) AS id
FROM read_csv('${DATA}/registry.csv', header = true, all_varchar = true);

-- Attendance: one row per sign-in with a readable ID; times as seconds since 1970.
CREATE TEMP TABLE att AS
WITH raw AS (
    SELECT upper(replace(trim("身份证号码"), ' ', '')) AS id,
           nullif(trim("班级编号"), '') AS class_id,
           TRY_CAST(nullif(trim("考勤日期"), '') AS DATE) AS day,
           trim(coalesce("时段", '')) AS session,
           trim(coalesce("签到时间", '')) AS cin,
           trim(coalesce("签退时间", '')) AS cout,
           nullif(trim("设备编号"), '') AS device
    FROM read_csv('${DATA}/attendance.csv', header = true, all_varchar = true)
), timed AS (
    SELECT id, class_id, session, device, day,
           CASE WHEN length(cin) > 8 THEN TRY_CAST(cin AS TIMESTAMP)
                ELSE day + TRY_CAST(nullif(cin, '') AS TIME) END AS tin,
           CASE WHEN length(cout) > 8 THEN TRY_CAST(cout AS TIMESTAMP)
                ELSE day + TRY_CAST(nullif(cout, '') AS TIME) END AS tout
    FROM raw
    WHERE regexp_full_match(id, '[0-9]{17}[0-9X]')
)
SELECT id, class_id, session, device,
       coalesce(day, CAST(tin AS DATE)) AS day,
       CAST(epoch(tin) AS BIGINT) AS tin,
       CAST(epoch(tout) AS BIGINT) AS tout
FROM timed;

-- Enrollments with a readable ID, their occupation and level (own, else the class's).
CREATE TEMP TABLE enr AS
SELECT r.rn, r.id, r.class_key, r.subsidy, coalesce(r.failed, false) AS failed,
       coalesce(r.start, c.start) AS start,
       replace(replace(replace(coalesce(r.occupation, c.occupation, ''), ' ', ''), '（', '('), '）', ')') AS occ,
       replace(replace(replace(coalesce(r.level, c.level, ''), ' ', ''), '（', '('), '）', ')') AS lvl
FROM roster r LEFT JOIN classes c ON c.class_id = r.class_key
WHERE regexp_full_match(r.id, '[0-9]{17}[0-9X]');

-- REG001: people on the roster whose ID the registry does not list.
CREATE TEMP TABLE reg001 AS
SELECT count(DISTINCT id) AS n FROM enr WHERE id NOT IN (SELECT id FROM registry);

-- DUP001: presumed paid (payments naming the class total > 0, else the roster's subsidy:
-- > 0 paid, 0 unpaid, blank unknown = presumed paid); grouped by person, occupation and
-- level; in time order (class start, then file order) a training counts against later
-- ones unless its assessment failed (retake_after_fail_allowed: true), so a group is a
-- finding when a row follows its first counted row.
CREATE TEMP TABLE dup001 AS
WITH paid AS (
    SELECT id, class_id, sum(amount) AS total, count(amount) AS n
    FROM payments WHERE class_id IS NOT NULL GROUP BY id, class_id
), state AS (
    SELECT e.*,
           CASE WHEN p.n > 0 AND p.total > 0 THEN true
                WHEN e.subsidy IS NOT NULL THEN e.subsidy > 0
                ELSE true END AS presumed_paid
    FROM enr e LEFT JOIN paid p ON p.id = e.id AND p.class_id = e.class_key
), ordered AS (
    SELECT id, occ, lvl, failed,
           row_number() OVER (PARTITION BY id, occ, lvl ORDER BY start ASC NULLS LAST, rn) AS pos,
           count(*) OVER (PARTITION BY id, occ, lvl) AS n
    FROM state
    WHERE presumed_paid AND occ <> ''
      AND id IN (SELECT id FROM enr GROUP BY id HAVING count(*) > 1)
)
SELECT count(*) AS n FROM (
    SELECT id, occ, lvl FROM ordered
    GROUP BY id, occ, lvl
    HAVING min(pos) FILTER (WHERE NOT failed) < max(n)
);

-- SCH001: the same person, the same day, two different classes, and the same non-empty
-- session label or overlapping check-in..check-out spans (or a check-in inside the
-- other's span); one finding per person and pair of classes.
CREATE TEMP TABLE sch001 AS
WITH multi AS (
    SELECT id FROM att WHERE class_id IS NOT NULL AND day IS NOT NULL
    GROUP BY id HAVING count(DISTINCT class_id) > 1
), s AS (
    SELECT a.*, (tin IS NOT NULL AND tout IS NOT NULL AND tout > tin) AS span
    FROM att a SEMI JOIN multi m ON a.id = m.id
    WHERE a.class_id IS NOT NULL AND a.day IS NOT NULL
)
SELECT count(*) AS n FROM (
    SELECT DISTINCT x.id, x.class_id, y.class_id
    FROM s x JOIN s y ON x.id = y.id AND x.day = y.day AND x.class_id < y.class_id
    WHERE (x.session <> '' AND x.session = y.session)
       OR (x.span AND y.span AND x.tin < y.tout AND y.tin < x.tout)
       OR (x.span AND NOT y.span AND y.tin IS NOT NULL AND x.tin <= y.tin AND y.tin < x.tout)
       OR (y.span AND NOT x.span AND x.tin IS NOT NULL AND y.tin <= x.tin AND x.tin < y.tout)
);

-- PRX001: per device (skipping devices that record whole minutes only), the window of
-- each sign-in is every sign-in 0..10 s before it; a window with >= 5 different people
-- qualifies; qualifying windows that share rows merge into one burst.
CREATE TEMP TABLE prx001 AS
WITH d AS (
    SELECT device, id, tin FROM att
    WHERE device IS NOT NULL AND tin IS NOT NULL
      AND device IN (SELECT device FROM att WHERE tin IS NOT NULL AND tin % 60 <> 0)
), n AS (
    SELECT device, id, tin, row_number() OVER (PARTITION BY device ORDER BY tin) AS rn FROM d
), w AS (
    SELECT device, rn,
           count(DISTINCT id) OVER win AS people,
           min(rn) OVER win AS left_rn
    FROM n
    WINDOW win AS (PARTITION BY device ORDER BY tin RANGE BETWEEN 10 PRECEDING AND CURRENT ROW)
), q AS (
    SELECT device, rn, left_rn, lag(rn) OVER (PARTITION BY device ORDER BY rn) AS prev_rn
    FROM w WHERE people >= 5
)
SELECT count(*) AS n FROM q WHERE prev_rn IS NULL OR left_rn > prev_rn;

-- CLS001: classes with more than 50 distinct people (by ID, or by name without one).
CREATE TEMP TABLE cls001 AS
SELECT count(*) AS n FROM (
    SELECT class_key FROM roster
    GROUP BY class_key
    HAVING count(DISTINCT CASE WHEN regexp_full_match(id, '[0-9]{17}[0-9X]') THEN 'id:' || id
                               ELSE 'name:' || name END) > 50
);

SELECT 'REG001' AS code, n FROM reg001
UNION ALL SELECT 'DUP001', n FROM dup001
UNION ALL SELECT 'SCH001', n FROM sch001
UNION ALL SELECT 'PRX001', n FROM prx001
UNION ALL SELECT 'CLS001', n FROM cls001;
