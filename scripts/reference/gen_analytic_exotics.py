"""Reference values for quantflow's analytic Black-Scholes exotics, from native QuantLib 1.29.

Run: /usr/bin/python3.11 scripts/reference/gen_analytic_exotics.py > test/reference/quantlib-1.29-analytic-exotics.json
Conventions as quantlib-1.29.json: evaluation date 2025-01-02, Actual365Fixed, flat continuous
r and q, T = N_days/365.
"""
import json
import QuantLib as ql

today = ql.Date(2, 1, 2025)
ql.Settings.instance().evaluationDate = today
dc = ql.Actual365Fixed()


def process(S, r, q, vol):
    return ql.BlackScholesMertonProcess(
        ql.QuoteHandle(ql.SimpleQuote(S)),
        ql.YieldTermStructureHandle(ql.FlatForward(today, q, dc)),
        ql.YieldTermStructureHandle(ql.FlatForward(today, r, dc)),
        ql.BlackVolTermStructureHandle(ql.BlackConstantVol(today, ql.NullCalendar(), vol, dc)))


def otype(t):
    return ql.Option.Call if t == 'call' else ql.Option.Put


def make_payoff(kind, t, K, extra):
    if kind == 'cash':
        return ql.CashOrNothingPayoff(otype(t), K, extra)
    if kind == 'asset':
        return ql.AssetOrNothingPayoff(otype(t), K)
    if kind == 'gap':
        return ql.GapPayoff(otype(t), K, extra)
    return ql.PlainVanillaPayoff(otype(t), K)


out = {'meta': {'quantlib': ql.__version__, 'evaluation_date': '2025-01-02', 'day_counter': 'Actual365Fixed',
                'rates': 'flat, continuously compounded', 'generator': 'scripts/reference/gen_analytic_exotics.py'}}

# European digitals and gaps (AnalyticEuropeanEngine) with Greeks.
cases = []
for (kind, t, S, K, extra, N, r, q, vol) in [
    ('cash', 'call', 100, 95, 10, 180, 0.05, 0.02, 0.25),
    ('cash', 'put', 100, 105, 10, 400, 0.03, 0.01, 0.35),
    ('asset', 'call', 100, 110, 0, 270, 0.04, 0.03, 0.2),
    ('asset', 'put', 90, 100, 0, 90, 0.02, 0.0, 0.4),
    ('gap', 'call', 50, 50, 57, 183, 0.09, 0.0, 0.2),
    ('gap', 'put', 100, 95, 90, 365, 0.05, 0.02, 0.3),
]:
    opt = ql.VanillaOption(make_payoff(kind, t, K, extra), ql.EuropeanExercise(today + N))
    opt.setPricingEngine(ql.AnalyticEuropeanEngine(process(S, r, q, vol)))
    cases.append({'id': f'{kind}_{t}_K{K}', 'inputs': {'kind': kind, 'type': t, 'S': S, 'K': K, 'extra': extra, 'N_days': N, 'r': r, 'q': q, 'vol': vol},
                  'outputs': {'npv': opt.NPV(), 'delta': opt.delta(), 'gamma': opt.gamma(), 'vega': opt.vega(), 'rho': opt.rho(),
                              'dividendRho': opt.dividendRho(), 'theta': opt.theta()}})
out['european_digital'] = {'engine': 'AnalyticEuropeanEngine; extra = cash payoff (cash) or second strike (gap)', 'cases': cases}

def greeks(opt):
    res = {'npv': opt.NPV()}
    for g in ('delta', 'gamma'):
        try:
            res[g] = getattr(opt, g)()
        except RuntimeError:
            pass
    return res


# American digitals (AnalyticDigitalAmericanEngine), at hit and at expiry.
cases = []
for kind in ('cash', 'asset'):
    for at_expiry in (False, True):
        for (t, S, K, N, r, q, vol) in [
            ('put', 105, 100, 182, 0.10, 0.0, 0.2),
            ('call', 95, 100, 182, 0.10, 0.0, 0.2),
            ('put', 105, 100, 182, 0.10, 0.2, 0.2),
            ('call', 95, 100, 365, 0.03, 0.05, 0.3),
            ('put', 120, 100, 730, 0.02, 0.01, 0.25),
            ('call', 80, 100, 90, 0.05, 0.02, 0.5),
        ]:
            opt = ql.VanillaOption(make_payoff(kind, t, K, 15.0), ql.AmericanExercise(today, today + N, at_expiry))
            opt.setPricingEngine(ql.AnalyticDigitalAmericanEngine(process(S, r, q, vol)))
            cases.append({'id': f'{kind}_{"expiry" if at_expiry else "hit"}_{t}_S{S}_N{N}_q{q}',
                          'inputs': {'kind': kind, 'payoffAtExpiry': at_expiry, 'type': t, 'S': S, 'K': K, 'cash': 15.0, 'N_days': N, 'r': r, 'q': q, 'vol': vol},
                          'outputs': greeks(opt)})
out['american_digital'] = {'engine': 'AnalyticDigitalAmericanEngine; cash payoff 15', 'cases': cases}

# Barriers: all 8 types, with and without rebate (AnalyticBarrierEngine).
cases = []
for (S, K, N, r, q, vol, Hd, Hu) in [(100, 90, 182, 0.08, 0.04, 0.25, 95, 105), (100, 110, 182, 0.08, 0.04, 0.25, 95, 105),
                                     (100, 100, 365, 0.05, 0.02, 0.3, 80, 130), (100, 100, 365, 0.05, 0.02, 0.3, 110, 90)]:
    for bt_name, bt in [('DownIn', ql.Barrier.DownIn), ('DownOut', ql.Barrier.DownOut), ('UpIn', ql.Barrier.UpIn), ('UpOut', ql.Barrier.UpOut)]:
        H = Hd if bt_name.startswith('Down') else Hu
        if (bt_name.startswith('Down') and S <= H) or (bt_name.startswith('Up') and S >= H):
            continue
        for t in ('call', 'put'):
            for rebate in (0.0, 3.0):
                opt = ql.BarrierOption(bt, H, rebate, ql.PlainVanillaPayoff(otype(t), K), ql.EuropeanExercise(today + N))
                opt.setPricingEngine(ql.AnalyticBarrierEngine(process(S, r, q, vol)))
                cases.append({'id': f'{bt_name}_{t}_K{K}_H{H}_R{rebate}_N{N}',
                              'inputs': {'barrierType': bt_name, 'type': t, 'S': S, 'K': K, 'barrier': H, 'rebate': rebate, 'N_days': N, 'r': r, 'q': q, 'vol': vol},
                              'outputs': {'npv': opt.NPV()}})
out['barrier_all_types'] = {'engine': 'AnalyticBarrierEngine (knock-out rebate paid at hit, knock-in rebate at expiry)', 'cases': cases}

print(json.dumps(out, indent=1))
