"""Reference values of Black-76 prices deep in the wings, computed with mpmath at 60 digits.

Writes test/reference/black-wings-mpmath.json: undiscounted Black call and put prices
F·Φ(d1) − K·Φ(d2) (and the put by its own formula, not by parity) for forwards and strikes given
as exact doubles, so a double-precision implementation can be checked to its last bits where the
textbook formula cancels. Run: python3 scripts/reference/gen_normalised_black.py (mpmath 1.3).
"""
import json
import mpmath as mp

mp.mp.dps = 60
cases = []
for F, K in [(100.0, 100.0), (100.0, 120.0), (100.0, 80.0), (100.0, 200.0), (100.0, 50.0), (1.0, 3.0), (1.0, 0.25)]:
    for s in [1e-3, 0.01, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0]:
        f, k, sd = mp.mpf(F), mp.mpf(K), mp.mpf(s)
        d1 = mp.log(f / k) / sd + sd / 2
        d2 = d1 - sd
        call = f * mp.ncdf(d1) - k * mp.ncdf(d2)
        put = k * mp.ncdf(-d2) - f * mp.ncdf(-d1)
        if call < mp.mpf('1e-300') or put < mp.mpf('1e-300'):
            continue
        cases.append({"F": F, "K": K, "stdDev": s, "call": mp.nstr(call, 20), "put": mp.nstr(put, 20)})
json.dump({
    "generator": "scripts/reference/gen_normalised_black.py",
    "library": "mpmath 1.3.0, 60 significant digits",
    "notes": "undiscounted Black-76 prices; values are decimal strings with 20 significant digits",
    "cases": cases,
}, open("test/reference/black-wings-mpmath.json", "w"), indent=1)
print(len(cases), "cases")
