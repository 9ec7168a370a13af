-- The five core checks in plain DuckDB SQL, written for speed: the reference run that
-- bench/run times (issue 12: "the fastest honest SQL you can write for the same checks").
-- bench/checks.sql mirrors the Swift checks step by step and stays the cross-check of the
-- counts; this file must give the same counts on the generated data (bench/run compares
-- them) and does what a DuckDB user would: read each CSV once into a table of the columns
-- the checks use, then one query per check.
--
-- ${DATA} is the data folder, ${CERT} the roster's assessment column or NULL.
-- Thresholds (guyuan pack): max_class_size 50, burst.window_seconds 10, burst.min_people 5.

CREATE TEMP TABLE roster AS
SELECT row_number() OVER () AS rn,
       upper(trim("身份证号码")) AS id,
       trim("姓名") AS name,
       coalesce(trim("培训职业(工种)或专项职业能力"), '') AS occ,
       coalesce(trim("培训等级"), '') AS lvl,
       TRY_CAST("培训和鉴定补贴金额(元)" AS DOUBLE) AS subsidy,
       TRY_CAST("开班日期" AS DATE) AS start,
       coalesce(trim(CAST(${CERT} AS VARCHAR)) IN ('0', '不合格', '未通过', '否', '×', '未取证', '不通过'), false) AS failed,
       coalesce(nullif(trim("班级编号"), ''),
                concat_ws('·', coalesce(nullif(trim("培训机构"), ''), '?'), coalesce(nullif(trim("培训职业(工种)或专项职业能力"), ''), '?'),
                          coalesce(nullif(trim("开班日期"), ''), '?'))) AS class_key
FROM read_csv('${DATA}/roster.csv', header = true, all_varchar = true);

CREATE TEMP TABLE registry AS
SELECT DISTINCT upper(trim("证件号码")) AS id
FROM read_csv('${DATA}/registry.csv', header = true, all_varchar = true);

CREATE TEMP TABLE paid AS
SELECT upper(trim("身份证号码")) AS id, trim("班级编号") AS class_key,
       sum(TRY_CAST("发放金额" AS DOUBLE)) AS total
FROM read_csv('${DATA}/payments.csv', header = true, all_varchar = true)
WHERE trim("班级编号") <> ''
GROUP BY ALL;

CREATE TEMP TABLE att AS
SELECT upper(trim("身份证号码")) AS id, trim("班级编号") AS class_key,
       TRY_CAST("考勤日期" AS DATE) AS day, coalesce(trim("时段"), '') AS session,
       epoch(CASE WHEN length("签到时间") > 8 THEN TRY_CAST("签到时间" AS TIMESTAMP)
                  ELSE TRY_CAST("考勤日期" AS DATE) + TRY_CAST("签到时间" AS TIME) END)::BIGINT AS tin,
       epoch(CASE WHEN length("签退时间") > 8 THEN TRY_CAST("签退时间" AS TIMESTAMP)
                  ELSE TRY_CAST("考勤日期" AS DATE) + TRY_CAST("签退时间" AS TIME) END)::BIGINT AS tout,
       nullif(trim("设备编号"), '') AS device
FROM read_csv('${DATA}/attendance.csv', header = true, all_varchar = true)
WHERE regexp_full_match(upper(trim("身份证号码")), '[0-9]{17}[0-9X]');

-- REG001: roster people the registry does not list.
CREATE TEMP TABLE reg001 AS
SELECT count(DISTINCT id) AS n FROM roster
WHERE regexp_full_match(id, '[0-9]{17}[0-9X]') AND id NOT IN (SELECT id FROM registry);

-- DUP001: the same occupation and level subsidised twice (a failed first try does not count
-- against a retake).
CREATE TEMP TABLE dup001 AS
WITH e AS (
    SELECT r.id, r.occ, r.lvl, r.failed, r.start, r.rn
    FROM roster r LEFT JOIN paid p ON p.id = r.id AND p.class_key = r.class_key
    WHERE regexp_full_match(r.id, '[0-9]{17}[0-9X]') AND r.occ <> ''
      AND CASE WHEN p.total > 0 THEN true WHEN r.subsidy IS NOT NULL THEN r.subsidy > 0 ELSE true END
), o AS (
    SELECT id, occ, lvl, failed,
           row_number() OVER (PARTITION BY id, occ, lvl ORDER BY start NULLS LAST, rn) AS pos,
           count(*) OVER (PARTITION BY id, occ, lvl) AS n
    FROM e
)
SELECT count(*) AS n FROM (
    SELECT 1 FROM o WHERE n > 1 GROUP BY id, occ, lvl
    HAVING min(pos) FILTER (WHERE NOT failed) < max(n)
);

-- SCH001: one person, one day, two classes, the same session or overlapping times.
CREATE TEMP TABLE sch001 AS
WITH s AS (
    SELECT * FROM att
    WHERE class_key <> '' AND day IS NOT NULL
      AND id IN (SELECT id FROM att WHERE class_key <> '' GROUP BY id HAVING min(class_key) <> max(class_key))
)
SELECT count(*) AS n FROM (
    SELECT DISTINCT x.id, x.class_key, y.class_key
    FROM s x JOIN s y ON x.id = y.id AND x.day = y.day AND x.class_key < y.class_key
    WHERE (x.session <> '' AND x.session = y.session)
       OR (x.tout > x.tin AND y.tout > y.tin AND x.tin < y.tout AND y.tin < x.tout)
       OR (x.tout > x.tin AND NOT coalesce(y.tout > y.tin, false) AND x.tin <= y.tin AND y.tin < x.tout)
       OR (y.tout > y.tin AND NOT coalesce(x.tout > x.tin, false) AND y.tin <= x.tin AND x.tin < y.tout)
);

-- PRX001: on one device, 5 or more people within 10 seconds; overlapping windows are one
-- burst (devices that record whole minutes only are skipped). A distinct count over a
-- sliding window is DuckDB's slow aggregate, so it is run only on the devices where some
-- 10-second window holds 5 sign-ins at all (a plain windowed count): elsewhere no window
-- can hold 5 people.
CREATE TEMP TABLE prx001 AS
WITH d AS (
    SELECT device, id, tin FROM att
    WHERE device IS NOT NULL AND tin IS NOT NULL
      AND device IN (SELECT device FROM att WHERE tin % 60 <> 0)
), busy AS (
    SELECT DISTINCT device FROM (
        SELECT device, count(*) OVER (PARTITION BY device ORDER BY tin RANGE BETWEEN 10 PRECEDING AND CURRENT ROW) AS k
        FROM d
    ) WHERE k >= 5
), b AS (
    SELECT device, id, tin, row_number() OVER (PARTITION BY device ORDER BY tin) AS rn
    FROM d WHERE device IN (SELECT device FROM busy)
), w AS (
    SELECT device, rn, count(DISTINCT id) OVER win AS people, min(rn) OVER win AS left_rn
    FROM b
    WINDOW win AS (PARTITION BY device ORDER BY tin RANGE BETWEEN 10 PRECEDING AND CURRENT ROW)
), q AS (
    SELECT rn, left_rn, lag(rn) OVER (PARTITION BY device ORDER BY rn) AS prev_rn FROM w WHERE people >= 5
)
SELECT count(*) AS n FROM q WHERE prev_rn IS NULL OR left_rn > prev_rn;

-- CLS001: classes with more than 50 distinct people.
CREATE TEMP TABLE cls001 AS
SELECT count(*) AS n FROM (
    SELECT class_key FROM roster GROUP BY class_key
    HAVING count(DISTINCT CASE WHEN regexp_full_match(id, '[0-9]{17}[0-9X]') THEN id ELSE 'name:' || name END) > 50
);

SELECT 'REG001' AS code, n FROM reg001
UNION ALL SELECT 'DUP001', n FROM dup001
UNION ALL SELECT 'SCH001', n FROM sch001
UNION ALL SELECT 'PRX001', n FROM prx001
UNION ALL SELECT 'CLS001', n FROM cls001;
