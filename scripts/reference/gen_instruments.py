"""Reference values for quantflow's swaps, bonds and FRAs, from native QuantLib 1.29 (Debian
quantlib-python). Run:
    /usr/bin/python3.11 scripts/reference/gen_instruments.py > test/reference/quantlib-1.29-instruments.json
Full double precision (yields solved to 1e-14); dates ISO; rates decimals. Flat curves are continuous Act/365F from the
evaluation date 2025-01-02: forecasting 3.2 %, discounting 3 % (two curves), unless stated."""
import json
import QuantLib as ql

def iso(d):
    return "%04d-%02d-%02d" % (d.year(), d.month(), d.dayOfMonth())

today = ql.Date(2, 1, 2025)
ql.Settings.instance().evaluationDate = today
flat = lambda r: ql.YieldTermStructureHandle(ql.FlatForward(today, r, ql.Actual365Fixed(), ql.Continuous))
forecast, discount = flat(0.032), flat(0.03)
out = {"meta": {"quantlib": ql.__version__, "evaluationDate": iso(today), "script": "scripts/reference/gen_instruments.py",
                "curves": "flat continuous Act/365F: forecast 0.032, discount 0.03 (SOFR case: 0.04 for both)"}}

target = ql.TARGET()
euribor = ql.IborIndex("Euribor", ql.Period(6, ql.Months), 2, ql.EURCurrency(), target, ql.ModifiedFollowing, False, ql.Actual360(), forecast)

# 1. Vanilla swap, payer, 5Y from 2025-01-06: fixed 3 % annual 30/360 BondBasis vs 6M Euribor + 10 bp, Act/360.
fixed_s = ql.Schedule(ql.Date(6, 1, 2025), ql.Date(6, 1, 2030), ql.Period(1, ql.Years), target, ql.ModifiedFollowing, ql.ModifiedFollowing, ql.DateGeneration.Backward, False)
float_s = ql.Schedule(ql.Date(6, 1, 2025), ql.Date(6, 1, 2030), ql.Period(6, ql.Months), target, ql.ModifiedFollowing, ql.ModifiedFollowing, ql.DateGeneration.Backward, False)
swap = ql.VanillaSwap(ql.VanillaSwap.Payer, 1e6, fixed_s, 0.03, ql.Thirty360(ql.Thirty360.BondBasis), float_s, euribor, 0.001, ql.Actual360())
swap.setPricingEngine(ql.DiscountingSwapEngine(discount))
out["vanillaSwap"] = {"type": "Payer", "nominal": 1e6, "start": "2025-01-06", "end": "2030-01-06", "fixedRate": 0.03, "spread": 0.001,
                      "NPV": swap.NPV(), "fairRate": swap.fairRate(), "fairSpread": swap.fairSpread(),
                      "legNPV": [swap.legNPV(0), swap.legNPV(1)], "legBPS": [swap.legBPS(0), swap.legBPS(1)]}

# 2. SOFR OIS, payer, 2Y annual from 2025-01-06, fixed 4 % Act/360, payment lag 2, flat 4 % for both curves.
sofr_h = flat(0.04)
sofr = ql.Sofr(sofr_h)
ois_s = ql.Schedule(ql.Date(6, 1, 2025), ql.Date(6, 1, 2027), ql.Period(1, ql.Years), ql.UnitedStates(ql.UnitedStates.GovernmentBond),
                    ql.ModifiedFollowing, ql.ModifiedFollowing, ql.DateGeneration.Backward, False)
ois = ql.OvernightIndexedSwap(ql.OvernightIndexedSwap.Payer, 1e6, ois_s, 0.04, ql.Actual360(), sofr, 0.0, 2, ql.Following, ql.UnitedStates(ql.UnitedStates.GovernmentBond))
ois.setPricingEngine(ql.DiscountingSwapEngine(sofr_h))
out["ois"] = {"type": "Payer", "nominal": 1e6, "start": "2025-01-06", "end": "2027-01-06", "fixedRate": 0.04, "paymentLag": 2,
              "NPV": ois.NPV(), "fairRate": ois.fairRate(), "fairSpread": ois.fairSpread(),
              "legNPV": [ois.legNPV(0), ois.legNPV(1)], "legBPS": [ois.legBPS(0), ois.legBPS(1)]}

# 3. Fixed-rate bond: 5 % semiannual 30/360 BondBasis, US GovernmentBond calendar, 2024-03-15 to 2029-03-15
#    Unadjusted, 1 settlement day, face 100, on the 3 % discount curve.
usgov = ql.UnitedStates(ql.UnitedStates.GovernmentBond)
bsch = ql.Schedule(ql.Date(15, 3, 2024), ql.Date(15, 3, 2029), ql.Period(6, ql.Months), usgov, ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Backward, False)
bdc = ql.Thirty360(ql.Thirty360.BondBasis)
bond = ql.FixedRateBond(1, 100.0, bsch, [0.05], bdc)
bond.setPricingEngine(ql.DiscountingBondEngine(discount))
y45 = ql.InterestRate(0.045, bdc, ql.Compounded, ql.Semiannual)
out["fixedRateBond"] = {"settlementDate": iso(bond.settlementDate()), "NPV": bond.NPV(), "cleanPrice": bond.cleanPrice(), "dirtyPrice": bond.dirtyPrice(),
                        "accruedAmount": bond.accruedAmount(), "yieldSemiannual30360": bond.bondYield(bdc, ql.Compounded, ql.Semiannual, 1e-14, 200),
                        "cleanPriceAtYield045": ql.BondFunctions.cleanPrice(bond, y45)}

# 4. Zero-coupon bond: 1 settlement day, US GovernmentBond, face 100, maturity 2030-01-15 (Following), issue 2025-01-02.
zcb = ql.ZeroCouponBond(1, usgov, 100.0, ql.Date(15, 1, 2030), ql.Following, 100.0, today)
zcb.setPricingEngine(ql.DiscountingBondEngine(discount))
out["zeroCouponBond"] = {"settlementDate": iso(zcb.settlementDate()), "NPV": zcb.NPV(), "cleanPrice": zcb.cleanPrice(),
                         "yieldAnnualAct365": zcb.bondYield(ql.Actual365Fixed(), ql.Compounded, ql.Annual, 1e-14, 200)}

# 5. Floating-rate bond on 6M Euribor + 10 bp, TARGET, 2025-01-06 to 2028-01-06 ModifiedFollowing, 2 settlement days, face 100.
fsch = ql.Schedule(ql.Date(6, 1, 2025), ql.Date(6, 1, 2028), ql.Period(6, ql.Months), target, ql.ModifiedFollowing, ql.ModifiedFollowing, ql.DateGeneration.Backward, False)
frn = ql.FloatingRateBond(2, 100.0, fsch, euribor, ql.Actual360(), ql.Following, 2, [1.0], [0.001])
frn.setPricingEngine(ql.DiscountingBondEngine(discount))
out["floatingRateBond"] = {"settlementDate": iso(frn.settlementDate()), "NPV": frn.NPV(), "cleanPrice": frn.cleanPrice(), "dirtyPrice": frn.dirtyPrice(),
                           "accruedAmount": frn.accruedAmount()}

# 6. FRA 6x12 on 6M Euribor: value date 2025-07-07, maturity 2026-01-07, long, strike 3 %, notional 1e6.
fras = {}
for indexed in (True, False):
    fra = ql.ForwardRateAgreement(ql.Date(7, 7, 2025), ql.Date(7, 1, 2026), ql.Position.Long, 0.03, 1e6, euribor, discount, indexed)
    fras["indexed" if indexed else "periodForward"] = {"NPV": fra.NPV(), "forwardRate": fra.forwardRate().rate(), "amount": fra.amount()}
out["fra"] = {"valueDate": "2025-07-07", "maturityDate": "2026-01-07", "type": "Long", "strike": 0.03, "notional": 1e6, **fras}

# 7. SOFR futures on a flat 4 % curve: prices (OvernightIndexFuture on the helper's dates), reference periods (compound and simple averaging),
#    convexity adjustment 0 and 0.0005.
sofr_flat = ql.Sofr(flat(0.04))
futures = []
for month, year, freq, name in ((3, 2025, ql.Quarterly, "3M"), (6, 2026, ql.Quarterly, "3M"), (2, 2025, ql.Monthly, "1M"), (11, 2025, ql.Monthly, "1M")):
    for averaging, aname in ((ql.RateAveraging.Compound, "compound"), (ql.RateAveraging.Simple, "simple")):
        for conv in (0.0, 0.0005):
            h = ql.SofrFutureRateHelper(ql.QuoteHandle(ql.SimpleQuote(96.0)), month, year, freq, sofr_flat, ql.QuoteHandle(ql.SimpleQuote(conv)), averaging)
            fut = ql.OvernightIndexFuture(sofr_flat, h.earliestDate(), h.maturityDate(), ql.QuoteHandle(ql.SimpleQuote(conv)), averaging)
            futures.append({"contract": name, "month": month, "year": year, "averaging": aname, "convexityAdjustment": conv,
                            "earliestDate": iso(h.earliestDate()), "maturityDate": iso(h.maturityDate()), "price": fut.NPV()})
out["sofrFutures"] = {"curve": "flat 0.04 continuous Act/365F", "helpers": futures}

print(json.dumps(out, indent=1))
