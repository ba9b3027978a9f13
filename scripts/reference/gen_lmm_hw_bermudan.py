"""Hull–White Bermudan swaptions from native QuantLib 1.29, for the Andersen–Broadie check of the
LMM (test/engines/lmm/mcLmmBermudanSwaption.test.ts): the one-factor LMM of
LiborMarketModel.hullWhiteEquivalent is Hull–White, so its Bermudan must be bracketed by the
Longstaff–Schwartz lower bound and the Andersen–Broadie upper bound.

Setup: annual dates 2025-01-02 + i years, i = 0…7, Thirty360 (BondBasis) so year fractions are
integers; discount factors P(t) = exp(−(0.03 + 0.002 t) t) at those dates; HullWhite(a = 0.08,
σ = 0.011) fitted to that curve; payer and receiver swaptions on the swap from T_e to T_7 = 7
(annual fixed and floating, single curve, index with 0 fixing days), Bermudan exercise at
T = 1…5, strike = the 1Y-into-6Y forward swap rate. Engines: FdHullWhiteSwaptionEngine
(tGrid 800, xGrid 400) and TreeSwaptionEngine (2000 steps); European at T = 1 also by Jamshidian.

Run: /usr/bin/python3.11 scripts/reference/gen_lmm_hw_bermudan.py > test/reference/quantlib-1.29-lmm-hw-bermudan.json
"""
import json
import math

import QuantLib as ql

A, SIGMA = 0.08, 0.011
today = ql.Date(2, 1, 2025)
ql.Settings.instance().evaluationDate = today
dc = ql.Thirty360(ql.Thirty360.BondBasis)
cal = ql.NullCalendar()
dates = [today + ql.Period(i, ql.Years) for i in range(0, 9)]
times = [dc.yearFraction(today, d) for d in dates]
dfs = [math.exp(-(0.03 + 0.002 * t) * t) for t in times]
curve = ql.DiscountCurve(dates, dfs, dc, cal)
h = ql.YieldTermStructureHandle(curve)
index = ql.IborIndex("annual", ql.Period(1, ql.Years), 0, ql.USDCurrency(), cal, ql.Unadjusted, False, dc, h)
model = ql.HullWhite(h, A, SIGMA)

start, end = 1, 7
annuity = sum(dfs[i] for i in range(start + 1, end + 1))
strike = (dfs[start] - dfs[end]) / annuity
schedule = ql.Schedule(dates[start], dates[end], ql.Period(1, ql.Years), cal, ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Forward, False)

cases = []
for kind, qtype in (("payer", ql.VanillaSwap.Payer), ("receiver", ql.VanillaSwap.Receiver)):
    swap = ql.VanillaSwap(qtype, 1.0, schedule, strike, dc, schedule, index, 0.0, dc)
    swap.setPricingEngine(ql.DiscountingSwapEngine(h))
    out = {"type": kind, "strike": strike, "swapNpv": swap.NPV()}
    for name, exercise in (("european", ql.EuropeanExercise(dates[start])), ("bermudan", ql.BermudanExercise([dates[i] for i in range(1, 6)]))):
        sw = ql.Swaption(swap, exercise)
        sw.setPricingEngine(ql.FdHullWhiteSwaptionEngine(model, 800, 400))
        fd = sw.NPV()
        sw.setPricingEngine(ql.TreeSwaptionEngine(model, 2000))
        tree = sw.NPV()
        out[name] = {"fd": fd, "tree": tree}
        if name == "european":
            sw.setPricingEngine(ql.JamshidianSwaptionEngine(model, h))
            out[name]["jamshidian"] = sw.NPV()
    cases.append(out)

print(json.dumps({
    "source": "native QuantLib 1.29 (Debian quantlib-python), scripts/reference/gen_lmm_hw_bermudan.py",
    "setup": {"a": A, "sigma": SIGMA, "rateTimes": times[1:end + 1], "discounts": dfs[1:end + 1],
              "curve": "P(t) = exp(-(0.03 + 0.002 t) t), Thirty360 BondBasis integer year fractions",
              "exerciseTimes": [1, 2, 3, 4, 5], "swapEnd": 7, "notional": 1},
    "cases": cases,
}, indent=2))
