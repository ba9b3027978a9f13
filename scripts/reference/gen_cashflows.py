"""Reference values for quantflow's indexes, coupons, legs and CashFlows analytics, from native
QuantLib (Debian quantlib-python). Run:
    /usr/bin/python3.11 scripts/reference/gen_cashflows.py > test/reference/quantlib-1.29-cashflows.json
Full double precision; dates ISO; rates decimals."""
import json
import QuantLib as ql

def iso(d):
    return "%04d-%02d-%02d" % (d.year(), d.month(), d.dayOfMonth())

today = ql.Date(2, 1, 2025)
ql.Settings.instance().evaluationDate = today
out = {"meta": {"quantlib": ql.__version__, "evaluationDate": iso(today),
                "script": "scripts/reference/gen_cashflows.py",
                "notes": "QuantLib defaults: par IborCoupons, includeSettlementDateFlows as given, Settings.includeReferenceDateEvents = false"}}

# 1. Fixed-rate bullet: 5 % semiannual, 30/360 BondBasis, 100 face, 2024-03-15 to 2029-03-15, redemption 100.
sch = ql.Schedule(ql.Date(15, 3, 2024), ql.Date(15, 3, 2029), ql.Period(6, ql.Months), ql.UnitedStates(ql.UnitedStates.GovernmentBond),
                  ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Backward, False)
dc = ql.Thirty360(ql.Thirty360.BondBasis)
leg = list(ql.FixedRateLeg(sch, dc, [100.0], [0.05]))
leg.append(ql.SimpleCashFlow(100.0, ql.Date(15, 3, 2029)))
leg = ql.Leg(leg)
curve = ql.FlatForward(today, 0.04, ql.Actual365Fixed(), ql.Continuous)
settle = ql.Date(6, 1, 2025)
ch = ql.YieldTermStructureHandle(curve)
y = ql.InterestRate(0.045, dc, ql.Compounded, ql.Semiannual)
npv_curve = ql.CashFlows.npv(leg, ch, False, settle, settle)
bond = ql.FixedRateBond(0, 100.0, sch, [0.05], dc)
fixed = {
    "schedule": {"effective": "2024-03-15", "termination": "2029-03-15", "tenor": "6M", "calendar": "UnitedStates(GovernmentBond)", "convention": "Unadjusted"},
    "coupon": 0.05, "dayCounter": "Thirty360(BondBasis)", "face": 100, "curve": {"rate": 0.04, "dayCounter": "Actual365Fixed", "compounding": "Continuous"},
    "settlementDate": iso(settle), "yield": {"rate": 0.045, "compounding": "Compounded", "frequency": 2},
    "npvCurve": npv_curve,
    "bpsCurve": ql.CashFlows.bps(leg, ch, False, settle, settle),
    "atmRateCurve": ql.CashFlows.atmRate(leg, curve, False, settle, settle),
    "npvYield": ql.CashFlows.npv(leg, y, False, settle, settle),
    "bpsYield": ql.CashFlows.bps(leg, y, False, settle, settle),
    "yieldOfNpvCurve": ql.CashFlows.yieldRate(leg, npv_curve, dc, ql.Compounded, ql.Semiannual, False, settle, settle, 1e-14, 100, 0.05),
    "durationSimple": ql.CashFlows.duration(leg, 0.045, dc, ql.Compounded, ql.Semiannual, ql.Duration.Simple, False, settle, settle),
    "durationMacaulay": ql.CashFlows.duration(leg, 0.045, dc, ql.Compounded, ql.Semiannual, ql.Duration.Macaulay, False, settle, settle),
    "durationModified": ql.CashFlows.duration(leg, 0.045, dc, ql.Compounded, ql.Semiannual, ql.Duration.Modified, False, settle, settle),
    "convexity": ql.CashFlows.convexity(leg, 0.045, dc, ql.Compounded, ql.Semiannual, False, settle, settle),
    "accruedAmount": bond.accruedAmount(settle),
    "npvCurveOnCouponDateExcluded": ql.CashFlows.npv(leg, ch, False, ql.Date(17, 3, 2025), ql.Date(17, 3, 2025)),
    "npvCurveOnCouponDateIncluded": ql.CashFlows.npv(leg, ch, True, ql.Date(17, 3, 2025), ql.Date(17, 3, 2025)),
}
out["fixedBullet"] = fixed

# 2. Euribor 6M leg on a flat curve, par coupons, with a past fixing for the running coupon.
fwd = ql.FlatForward(today, 0.03, ql.Actual365Fixed(), ql.Continuous)
h = ql.YieldTermStructureHandle(fwd)
euribor = ql.IborIndex("Euribor", ql.Period(6, ql.Months), 2, ql.EURCurrency(), ql.TARGET(), ql.ModifiedFollowing, False, ql.Actual360(), h)
euribor.addFixing(ql.Date(15, 10, 2024), 0.0312)
isch = ql.Schedule(ql.Date(17, 10, 2024), ql.Date(17, 10, 2027), ql.Period(6, ql.Months), ql.TARGET(),
                   ql.ModifiedFollowing, ql.ModifiedFollowing, ql.DateGeneration.Backward, False)
ileg = ql.IborLeg([1_000_000.0], isch, euribor, ql.Actual360(), ql.ModifiedFollowing, [2], [1.0], [0.001])
coupons = []
for cf in ileg:
    c = ql.as_floating_rate_coupon(cf)
    coupons.append({"start": iso(c.accrualStartDate()), "end": iso(c.accrualEndDate()), "payment": iso(c.date()),
                    "fixingDate": iso(c.fixingDate()), "rate": c.rate(), "amount": c.amount()})
out["iborLeg"] = {
    "index": {"familyName": "Euribor", "tenor": "6M", "fixingDays": 2, "calendar": "TARGET", "convention": "ModifiedFollowing", "dayCounter": "Actual360", "name": euribor.name()},
    "curve": {"rate": 0.03, "dayCounter": "Actual365Fixed", "compounding": "Continuous"},
    "pastFixings": {"2024-10-15": 0.0312},
    "schedule": {"effective": "2024-10-17", "termination": "2027-10-17", "tenor": "6M", "calendar": "TARGET", "convention": "ModifiedFollowing"},
    "nominal": 1_000_000, "spread": 0.001,
    "coupons": coupons,
    "npv": ql.CashFlows.npv(ileg, h, False, today, today),
    "bps": ql.CashFlows.bps(ileg, h, False, today, today),
    "indexFixings": [{"fixingDate": iso(d), "valueDate": iso(euribor.valueDate(d)), "maturityDate": iso(euribor.maturityDate(euribor.valueDate(d))), "fixing": euribor.fixing(d)}
                     for d in [ql.Date(3, 3, 2025), ql.Date(28, 8, 2025)]],
}

# 3. SOFR leg compounded in arrears, running coupon with past fixings, 2-day payment lag.
ocurve = ql.FlatForward(today, 0.043, ql.Actual365Fixed(), ql.Continuous)
oh = ql.YieldTermStructureHandle(ocurve)
sofr = ql.Sofr(oh)
cal = sofr.fixingCalendar()
past = {}
d = ql.Date(2, 12, 2024)
k = 0
while d < today:
    if cal.isBusinessDay(d):
        past[iso(d)] = 0.0460 - 0.0001 * k
        sofr.addFixing(d, past[iso(d)])
        k += 1
    d = d + 1
osch = ql.Schedule(ql.Date(2, 12, 2024), ql.Date(2, 12, 2025), ql.Period(3, ql.Months), cal,
                   ql.ModifiedFollowing, ql.ModifiedFollowing, ql.DateGeneration.Backward, False)
oleg = ql.OvernightLeg([10_000_000.0], osch, sofr, ql.Actual360(), ql.ModifiedFollowing, [1.0], [0.0], False, ql.RateAveraging.Compound, cal, 2)
ocoupons = []
for cf in oleg:
    c = ql.as_floating_rate_coupon(cf)
    ocoupons.append({"start": iso(c.accrualStartDate()), "end": iso(c.accrualEndDate()), "payment": iso(c.date()), "rate": c.rate(), "amount": c.amount()})
out["overnightLeg"] = {
    "index": {"name": sofr.name(), "fixingDays": sofr.fixingDays(), "calendar": cal.name(), "dayCounter": sofr.dayCounter().name()},
    "curve": {"rate": 0.043, "dayCounter": "Actual365Fixed", "compounding": "Continuous"},
    "pastFixings": past,
    "schedule": {"effective": "2024-12-02", "termination": "2025-12-02", "tenor": "3M", "calendar": "UnitedStates(SOFR)", "convention": "ModifiedFollowing"},
    "nominal": 10_000_000, "paymentLag": 2,
    "coupons": ocoupons,
    "npv": ql.CashFlows.npv(oleg, oh, False, today, today),
}
print(json.dumps(out, indent=1))
