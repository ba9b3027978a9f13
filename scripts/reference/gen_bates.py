"""Bates (1996) European prices from native QuantLib 1.29 (BatesModel + BatesEngine).

Usage: /usr/bin/python3.11 scripts/reference/gen_bates.py > test/reference/quantlib-1.29-bates.json
Evaluation date 2025-01-02, Actual365Fixed, NullCalendar, flat continuous r and q; maturities
T = days/365. QuantLib's jump parameters: lambda (intensity), nu (mean of the log jump), delta
(its standard deviation), i.e. muJ = nu and sigmaJ = delta. BatesEngine integrates Heston's
two-integral form by Gauss-Laguerre of order 192 (QuantLib's own choice in its tests is 160).
"""
import json
import QuantLib as ql

today = ql.Date(2, 1, 2025)
ql.Settings.instance().evaluationDate = today
dc = ql.Actual365Fixed()

sets = [
    {"id": "bates_std", "S": 100.0, "r": 0.03, "q": 0.01, "v0": 0.04, "kappa": 1.5, "theta": 0.04, "sigma": 0.5, "rho": -0.7,
     "lambda": 0.3, "muJ": -0.15, "sigmaJ": 0.2, "days": [91, 365, 730], "strikes": [80.0, 90.0, 100.0, 110.0, 120.0]},
    {"id": "bates_upjumps", "S": 100.0, "r": 0.01, "q": 0.0, "v0": 0.09, "kappa": 3.0, "theta": 0.06, "sigma": 0.3, "rho": -0.3,
     "lambda": 1.0, "muJ": 0.05, "sigmaJ": 0.1, "days": [30, 365], "strikes": [85.0, 100.0, 115.0]},
]

cases = []
for s in sets:
    rf = ql.YieldTermStructureHandle(ql.FlatForward(today, s["r"], dc, ql.Continuous))
    dv = ql.YieldTermStructureHandle(ql.FlatForward(today, s["q"], dc, ql.Continuous))
    spot = ql.QuoteHandle(ql.SimpleQuote(s["S"]))
    process = ql.BatesProcess(rf, dv, spot, s["v0"], s["kappa"], s["theta"], s["sigma"], s["rho"], s["lambda"], s["muJ"], s["sigmaJ"])
    engine = ql.BatesEngine(ql.BatesModel(process), 192)
    for days in s["days"]:
        for K in s["strikes"]:
            out = {}
            for name, t in (("call", ql.Option.Call), ("put", ql.Option.Put)):
                opt = ql.VanillaOption(ql.PlainVanillaPayoff(t, K), ql.EuropeanExercise(today + days))
                opt.setPricingEngine(engine)
                out[name] = opt.NPV()
            cases.append({"id": f"{s['id']}_K{int(K)}_{days}d", "inputs": {k: s[k] for k in ("S", "r", "q", "v0", "kappa", "theta", "sigma", "rho", "lambda", "muJ", "sigmaJ")}
                          | {"K": K, "N_days": days, "T": days / 365}, "outputs": out})

print(json.dumps({"meta": {"source": "QuantLib " + ql.__version__ + " BatesModel + BatesEngine(order 192)", "generator": "scripts/reference/gen_bates.py",
                           "evaluation_date": "2025-01-02", "day_counter": "Actual365Fixed", "conventions": "flat continuous r, q; muJ = QuantLib nu, sigmaJ = QuantLib delta"},
                  "cases": cases}, indent=1))
