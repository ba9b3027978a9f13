# Native QuantLib 1.29 side of bench/localvol.bench.ts: the bicubic BlackVarianceSurface of the
# local_vol reference (inputs as JSON on argv[1]), LocalVolSurface reads on an N_t × N_x grid
# (a Python loop: includes the binding overhead) and one FdBlackScholesVanillaEngine price with
# localVol=True (Douglas, no damping). Prints one JSON line.
import json, sys, time
import QuantLib as ql

a = json.loads(sys.argv[1])
today = ql.Date(2, 1, 2025)
ql.Settings.instance().evaluationDate = today
dc = ql.Actual365Fixed()
dates = [today + d for d in a['expiry_days']]
strikes = a['strikes']
vols = ql.Matrix(len(strikes), len(dates))
for j, row in enumerate(a['rows']):
    for i, v in enumerate(row):
        vols[i][j] = v
surface = ql.BlackVarianceSurface(today, ql.NullCalendar(), dates, strikes, vols, dc)
surface.setInterpolation('bicubic')
surface.enableExtrapolation()
spot = ql.QuoteHandle(ql.SimpleQuote(a['S']))
rts = ql.YieldTermStructureHandle(ql.FlatForward(today, a['r'], dc))
qts = ql.YieldTermStructureHandle(ql.FlatForward(today, a['q'], dc))
vol = ql.BlackVolTermStructureHandle(surface)
process = ql.BlackScholesMertonProcess(spot, qts, rts, vol)

lv = ql.LocalVolSurface(vol, rts, qts, spot)
times = a['grid_times']
spots = a['grid_spots']
t0 = time.perf_counter()
acc = 0.0
for t in times:
    for s in spots:
        acc += lv.localVol(t, s, True)
grid_seconds = time.perf_counter() - t0

# illegalLocalVolOverwrite: without it QuantLib's LocalVolSurface throws 'decreasing variance at
# strike 311.337 between time 0.14125 and time 0.14135' at a far grid node (the strike-clamped
# bicubic spline in t is not monotone there); the price at the spot does not depend on the value.
engine = ql.FdBlackScholesVanillaEngine(process, a['tGrid'], a['xGrid'], 0, ql.FdmSchemeDesc.Douglas(), True, 0.2)
best = []
npv = None
for rep in range(a['repeats']):
    option = ql.VanillaOption(ql.PlainVanillaPayoff(ql.Option.Call, a['K']), ql.EuropeanExercise(today + a['days']))
    option.setPricingEngine(engine)
    t0 = time.perf_counter()
    npv = option.NPV()
    best.append(time.perf_counter() - t0)
best.sort()
print(json.dumps({'grid_seconds': grid_seconds, 'grid_sum': acc, 'fd_seconds': best[len(best) // 2], 'fd_npv': npv}))
