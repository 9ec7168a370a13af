#!/usr/bin/env python3
"""Write Tests/Fixtures/ids.tsv: resident IDs whose check digits and birth dates are
judged by python-stdnum (stdnum.cn.ric), an implementation independent of the Swift one.

Usage: python3 tools/make_id_fixture.py > Tests/Fixtures/ids.tsv   (pip install python-stdnum)

Columns:
  input      the cell as given to IDReader (some decorated the way spreadsheets mangle IDs:
             full-width digits, spaces, a leading apostrophe, a trailing .0, lower-case x)
  expected   the 18-character ID IDReader must return
  check_ok   1 if stdnum.cn.ric.calc_check_digit agrees with the last character
  birth_ok   1 if stdnum.cn.ric.get_birth_date accepts the birth date
  kind       valid | badcheck | badbirth | legacy15
15-digit legacy IDs are converted by the documented rule (GB 11643-1999 replaced them):
insert "19" after the 6-digit region and append the check digit; stdnum 2.x has no
converter, so the rule is applied here and the check digit is stdnum's calc_check_digit.
Deterministic (fixed random seed).
"""
import datetime
import random

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

rng = random.Random(20161103)

# A handful of real region codes (current and abolished); the birth-place check is not
# what this fixture tests.
REGIONS = ['110101', '110103', '510502', '510521', '640422', '642222', '653101',
           '440305', '320102', '500101', '511602', '533323', '632221']

FULL = {str(d): chr(0xFF10 + d) for d in range(10)}
FULL['X'] = '\uFF38'


def check(body17):
    return ric.calc_check_digit(body17 + '0')


def birth_ok(id18):
    try:
        ric.get_birth_date(id18)
        return True
    except ValidationError:
        return False


def random_birth():
    d = datetime.date(1935, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 75))
    return d.strftime('%Y%m%d')


def decorate(s):
    """Mangle an ID cell one of the ways spreadsheets do (or leave it)."""
    k = rng.randrange(8)
    if k == 0:
        return ''.join(FULL.get(c, c) for c in s)
    if k == 1:
        return s[:6] + ' ' + s[6:14] + ' ' + s[14:]
    if k == 2:
        return "'" + s
    if k == 3 and s[-1] != 'X':
        return s + '.0'
    if k == 4:
        return s.lower() + '\u00A0'
    if k == 5:
        return '\u3000' + s[:10] + '\u3000' + s[10:]
    return s


rows = []
for _ in range(200):
    body = rng.choice(REGIONS) + random_birth() + '%03d' % rng.randrange(1000)
    idn = body + check(body)
    rows.append((decorate(idn), idn, 'valid'))
for _ in range(100):
    body = rng.choice(REGIONS) + random_birth() + '%03d' % rng.randrange(1000)
    good = check(body)
    bad = rng.choice([c for c in '0123456789X' if c != good])
    rows.append((decorate(body + bad), body + bad, 'badcheck'))
BAD_DATES = ['19901301', '19900230', '19900000', '19900431', '19000229', '20010229',
             '19851100', '19850132', '00000000', '19993112']
for i in range(40):
    body = rng.choice(REGIONS) + BAD_DATES[i % len(BAD_DATES)] + '%03d' % rng.randrange(1000)
    idn = body + check(body)
    rows.append((decorate(idn), idn, 'badbirth'))
# Leap days that are real.
for date in ['19960229', '20000229', '19840229']:
    body = rng.choice(REGIONS) + date + '%03d' % rng.randrange(1000)
    rows.append((body + check(body), body + check(body), 'valid'))
for _ in range(60):
    region = rng.choice(REGIONS)
    yymmdd = random_birth()[2:]
    seq = '%03d' % rng.randrange(1000)
    old = region + yymmdd + seq
    body = region + '19' + yymmdd + seq
    rows.append((old, body + check(body), 'legacy15'))

print('input\texpected\tcheck_ok\tbirth_ok\tkind')
for inp, exp, kind in rows:
    ok = ric.calc_check_digit(exp) == exp[-1]
    print('%s\t%s\t%d\t%d\t%s' % (inp, exp, ok, birth_ok(exp), kind))
