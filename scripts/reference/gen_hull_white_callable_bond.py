"""Callable / puttable fixed-rate bonds under Hull-White from native QuantLib 1.29.

Writes test/reference/quantlib-1.29-callable-bond.json. Run: /usr/bin/python3.11 scripts/reference/gen_hull_white_callable_bond.py

Market: evaluation date 2025-01-02, flat 4% continuously compounded Act/365F curve, HullWhite(a=0.05, sigma=0.01).
Bonds: face 100, 10Y, 5% coupon, annual or semiannual, Act/365F accrual, NullCalendar, Unadjusted,
settlement days 0, redemption 100. Callability at clean prices (Bond.Price.Clean).
Engine: TreeCallableFixedRateBondEngine(model, steps) for several step counts; the straight bond by DiscountingBondEngine.
"""
import json
import QuantLib as ql

today = ql.Date(2, 1, 2025)
ql.Settings.instance().evaluationDate = today
dc = ql.Actual365Fixed()
curve = ql.YieldTermStructureHandle(ql.FlatForward(today, 0.04, dc, ql.Continuous, ql.Annual))
a, sigma = 0.05, 0.01
model = ql.HullWhite(curve, a, sigma)
cal = ql.NullCalendar()


def bond(freq_months, coupon, calls):
    start = today
    end = ql.Date(2, 1, 2035)
    sched = ql.Schedule(start, end, ql.Period(freq_months, ql.Months), cal, ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Forward, False)
    cs = ql.CallabilitySchedule()
    for kind, iso, price in calls:
        y, m, d = map(int, iso.split('-'))
        t = ql.Callability.Call if kind == 'call' else ql.Callability.Put
        cs.append(ql.Callability(ql.BondPrice(price, ql.BondPrice.Clean), t, ql.Date(d, m, y)))
    b = ql.CallableFixedRateBond(0, 100.0, sched, [coupon], dc, ql.Unadjusted, 100.0, start, cs)
    straight = ql.FixedRateBond(0, 100.0, sched, [coupon], dc, ql.Unadjusted, 100.0, start)
    straight.setPricingEngine(ql.DiscountingBondEngine(curve))
    return b, straight


cases = []
specs = [
    ('annual_call_from_3Y_at_100', 12, 0.05, [('call', f'{y}-01-02', 100.0) for y in range(2028, 2035)]),
    ('semiannual_call_from_2Y_at_101', 6, 0.05, [('call', f'{y}-01-02', 101.0) for y in range(2027, 2035)]),
    ('annual_put_from_5Y_at_98', 12, 0.035, [('put', f'{y}-01-02', 98.0) for y in range(2030, 2035)]),
]
for cid, freq, coupon, calls in specs:
    b, straight = bond(freq, coupon, calls)
    out = {'straight_npv': straight.NPV()}
    for steps in (200, 500, 1000, 2000):
        b.setPricingEngine(ql.TreeCallableFixedRateBondEngine(model, steps))
        out[f'tree{steps}_npv'] = b.NPV()
        out[f'tree{steps}_clean'] = b.cleanPrice()
    cases.append({'id': cid, 'inputs': {'frequency_months': freq, 'coupon': coupon, 'callability': [{'type': k, 'date': d, 'clean_price': p} for k, d, p in calls]}, 'outputs': out})

doc = {
    '_source': 'native QuantLib 1.29 (Python bindings), scripts/reference/gen_hull_white_callable_bond.py',
    'market': {'evaluation_date': '2025-01-02', 'zero_rate_cc': 0.04, 'day_counter': 'Actual365Fixed', 'a': a, 'sigma': sigma},
    'bond': {'face': 100, 'issue': '2025-01-02', 'maturity': '2035-01-02', 'accrual_day_counter': 'Actual365Fixed', 'calendar': 'NullCalendar', 'convention': 'Unadjusted', 'settlement_days': 0, 'redemption': 100},
    'notes': 'Callability prices are clean (per 100); NPV per face 100. The tree value depends on the step count (oscillation ~1e-3 per 100 face).',
    'cases': cases,
}
with open('test/reference/quantlib-1.29-callable-bond.json', 'w') as f:
    json.dump(doc, f, indent=1)
print(json.dumps(cases, indent=1))
