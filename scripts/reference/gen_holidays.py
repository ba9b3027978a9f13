"""Writes test/reference/quantlib-1.29-holidays.json: holiday lists from native QuantLib.

Run with the Debian QuantLib bindings: /usr/bin/python3.11 scripts/reference/gen_holidays.py
"""
import json
import QuantLib as ql

start, end = ql.Date(1, 1, 2015), ql.Date(31, 12, 2030)
calendars = {
    "TARGET": ql.TARGET(),
    "UnitedStates.NYSE": ql.UnitedStates(ql.UnitedStates.NYSE),
    "UnitedStates.GovernmentBond": ql.UnitedStates(ql.UnitedStates.GovernmentBond),
    "UnitedStates.Settlement": ql.UnitedStates(ql.UnitedStates.Settlement),
}
out = {
    "meta": {"quantlib_version": ql.__version__, "from": start.ISO(), "to": end.ISO(),
             "note": "ql.Calendar.holidayList(calendar, from, to), weekends excluded"},
}
for name, cal in calendars.items():
    out[name] = [d.ISO() for d in ql.Calendar.holidayList(cal, start, end)]
with open("test/reference/quantlib-1.29-holidays.json", "w") as f:
    json.dump(out, f, indent=1)
