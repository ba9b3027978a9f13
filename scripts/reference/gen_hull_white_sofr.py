"""QuantLib 1.29 Hull-White calibration to the 5 x 5 ATM normal SOFR swaption matrix of 2025-01-31.

Run from the repository root:
  /usr/bin/python3.11 scripts/reference/gen_hull_white_sofr.py > test/reference/quantlib-1.29-hull-white-sofr.json

Curve: QuantLib's own bootstrap of the SOFR OIS quotes (the pillars of
test/reference/quantlib-1.29-sofr-curve.json, written by gen_sofr_curve.py) as a log-linear
DiscountCurve (Act/365F) from 2025-01-31 -- the same interpolation as its PiecewiseLogLinearDiscount.
Swaptions: SwaptionHelper(expiry, tenor, normal vol, index, 1Y fixed, Act/360, Act/360, curve,
RelativePriceError, ATM, nominal 1, Normal) on an annual IborIndex proxy of SOFR OIS (2 fixing days,
UnitedStates GovernmentBond calendar, ModifiedFollowing, Act/360, forwarding on the curve);
JamshidianSwaptionEngine; LevenbergMarquardt(1e-8, 1e-8, 1e-8), EndCriteria(10000, 100, 1e-6, 1e-8, 1e-8),
start a = 0.05, sigma = 0.01. Vols: data/usd-sofr-caps-swaptions/swaption_ivols_2025-01-31.normal_vol_ATM.csv.
"""
import csv, json
import QuantLib as ql

sofr = json.load(open('test/reference/quantlib-1.29-sofr-curve.json'))
rows = list(csv.reader(open('data/usd-sofr-caps-swaptions/swaption_ivols_2025-01-31.normal_vol_ATM.csv')))
tickers = rows[0][1:]
last = [r for r in rows if r and r[0] == '2025-01-31'][0][1:]
vols = {}
for t, v in zip(tickers, last):
    vols[(int(t[5]), int(t[6]))] = float(v) / 1e4

today = ql.Date(31, 1, 2025)
ql.Settings.instance().evaluationDate = today
dates = [today] + [ql.DateParser.parseISO(p['date']) for p in sofr['pillars']]
dfs = [1.0] + [p['discount'] for p in sofr['pillars']]
curve = ql.YieldTermStructureHandle(ql.DiscountCurve(dates, dfs, ql.Actual365Fixed()))
curve.enableExtrapolation()
cal = ql.UnitedStates(ql.UnitedStates.GovernmentBond)
index = ql.IborIndex('SOFRproxy', ql.Period(1, ql.Years), 2, ql.USDCurrency(), cal, ql.ModifiedFollowing, False, ql.Actual360(), curve)
model = ql.HullWhite(curve, 0.05, 0.01)
engine = ql.JamshidianSwaptionEngine(model)
helpers, cells = [], []
for e in range(1, 6):
    for t in range(1, 6):
        h = ql.SwaptionHelper(ql.Period(e, ql.Years), ql.Period(t, ql.Years), ql.QuoteHandle(ql.SimpleQuote(vols[(e, t)])), index,
                              ql.Period(1, ql.Years), ql.Actual360(), ql.Actual360(), curve,
                              ql.BlackCalibrationHelper.RelativePriceError, ql.nullDouble(), 1.0, ql.Normal)
        h.setPricingEngine(engine)
        helpers.append(h)
        cells.append((e, t))
market = [h.marketValue() for h in helpers]
model.calibrate(helpers, ql.LevenbergMarquardt(1e-8, 1e-8, 1e-8), ql.EndCriteria(10000, 100, 1e-6, 1e-8, 1e-8))
a, sigma = list(model.params())
out = []
for (e, t), h, mv in zip(cells, helpers, market):
    sw = h.swaption()
    out.append({
        "expiry_years": e, "tenor_years": t, "normal_vol": vols[(e, t)],
        "exercise_date": sw.exercise().dates()[0].ISO(), "fixed_rate": h.underlyingSwap().fixedRate(),
        "market_value": mv, "model_value": h.modelValue(),
        "model_normal_vol": h.impliedVolatility(h.modelValue(), 1e-12, 500, 1e-6, 0.1),
    })
print(json.dumps({"generator": "scripts/reference/gen_hull_white_sofr.py", "quantlib_version": ql.__version__,
                  "a": a, "sigma": sigma, "swaptions": out}, indent=1))
