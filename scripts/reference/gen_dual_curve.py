#!/usr/bin/env python3
"""Dual-curve (OIS-discounted) swap bootstrap with native QuantLib 1.29, for quantflow's tests.

Run: /usr/bin/python3.11 scripts/reference/gen_dual_curve.py > test/reference/quantlib-1.29-dual-curve.json

A forecasting curve for a 6M term index is bootstrapped from par swaps (annual fixed vs 6M
float, Act/365F everywhere, NullCalendar, Unadjusted, no settlement lag) whose cash flows are
discounted on an exogenous OIS curve: flat 3 % continuous (Act/365F), and, second case, a
PiecewiseLogLinearDiscount OIS curve bootstrapped from OIS swaps (annual, Act/365F, SOFR-like
overnight index on NullCalendar). Float coupons use QuantLib's default par-coupon forecast
(over the accrual period). Output: the forecasting curve's discount factors at its pillars.
"""
import json
import QuantLib as ql

today = ql.Date(2, ql.January, 2025)
ql.Settings.instance().evaluationDate = today
dc = ql.Actual365Fixed()
cal = ql.NullCalendar()

swaps = [("1Y", 0.0310), ("2Y", 0.0325), ("3Y", 0.0335), ("5Y", 0.0350), ("7Y", 0.0360), ("10Y", 0.0370)]
ois_quotes = [("1Y", 0.0290), ("2Y", 0.0295), ("3Y", 0.0300), ("5Y", 0.0310), ("7Y", 0.0318), ("10Y", 0.0325)]


def forecast_curve(discount_handle):
    forecast = ql.RelinkableYieldTermStructureHandle()
    index = ql.IborIndex("TERM6M", ql.Period(6, ql.Months), 0, ql.USDCurrency(), cal, ql.Unadjusted, False, dc, forecast)
    helpers = [
        ql.SwapRateHelper(ql.QuoteHandle(ql.SimpleQuote(r)), ql.Period(t), cal, ql.Annual, ql.Unadjusted, dc, index,
                          ql.QuoteHandle(), ql.Period(0, ql.Days), discount_handle)
        for t, r in swaps
    ]
    curve = ql.PiecewiseLogLinearDiscount(today, helpers, dc)
    curve.enableExtrapolation()
    return curve, helpers


def pillars(curve):
    return [{"date": d.ISO(), "time": dc.yearFraction(today, d), "discount": curve.discount(d)} for d in curve.dates()]


flat = ql.YieldTermStructureHandle(ql.FlatForward(today, 0.03, dc, ql.Continuous))
curve1, h1 = forecast_curve(flat)

ois_index = ql.OvernightIndex("ON", 0, ql.USDCurrency(), cal, dc)
ois_helpers = [ql.OISRateHelper(0, ql.Period(t), ql.QuoteHandle(ql.SimpleQuote(r)), ois_index, ql.YieldTermStructureHandle(), False, 0,
                                ql.Unadjusted, ql.Annual, cal) for t, r in ois_quotes]
ois = ql.PiecewiseLogLinearDiscount(today, ois_helpers, dc)
ois.enableExtrapolation()
curve2, h2 = forecast_curve(ql.YieldTermStructureHandle(ois))

out = {
    "meta": {
        "source": "native QuantLib 1.29 (Debian quantlib-python), scripts/reference/gen_dual_curve.py",
        "evaluation_date": "2025-01-02",
        "conventions": "Act/365F, NullCalendar, Unadjusted, 0 settlement days; swaps annual fixed vs 6M float (par coupons), OIS annual",
        "tolerance": "discount factors 1e-12",
    },
    "swaps": [{"tenor": t, "rate": r} for t, r in swaps],
    "ois_swaps": [{"tenor": t, "rate": r} for t, r in ois_quotes],
    "flat_ois": {"rate_cc": 0.03, "forecast_pillars": pillars(curve1)},
    "bootstrapped_ois": {"ois_pillars": pillars(ois), "forecast_pillars": pillars(curve2)},
}
print(json.dumps(out, indent=1))
