"""QuantLib 1.29 bootstrap of the SOFR OIS curve of 2025-01-31 from the data set's swap quotes, with
the conventions of examples/desk/sofrOisCurve.ts. Run:
    /usr/bin/python3.11 scripts/reference/gen_sofr_curve.py > test/reference/quantlib-1.29-sofr-curve.json
Conventions: Sofr index, OISRateHelper(settlementDays=2, tenor, quote, sofr, paymentLag=2,
paymentFrequency=Annual), PiecewiseLogLinearDiscount on the quote date, Actual365Fixed.
Full double precision."""
import csv
import json
import QuantLib as ql

def iso(d):
    return "%04d-%02d-%02d" % (d.year(), d.month(), d.dayOfMonth())

today = ql.Date(31, 1, 2025)
ql.Settings.instance().evaluationDate = today
rows = list(csv.reader(open("data/usd-sofr-caps-swaptions/cap_quotes_2025-01-31.sofr.csv")))
header, maturity, quote_row = rows[0], rows[1], next(r for r in rows if r[0] == "2025-01-31")
extra = {"": 0, "C": 3, "F": 6, "I": 9}
quotes = []
for k, ticker in enumerate(header[1:], start=1):
    code = ticker.replace("USOSFR", "").replace(" Curncy", "")
    years = code.rstrip("CFI")
    months = 12 * (int(years) if years else 0) + extra[code[len(years):]]
    if abs(float(maturity[k]) - months / 12) > 0.05:
        continue  # the repeated 10-year columns (10C, 10F, 10I), as readSofrSwapQuotes
    quotes.append((months, float(quote_row[k]) / 100))
quotes.sort()
sofr = ql.Sofr()
helpers = [ql.OISRateHelper(2, ql.Period(m, ql.Months), ql.QuoteHandle(ql.SimpleQuote(r)), sofr, ql.YieldTermStructureHandle(), False, 2,
                            ql.Following, ql.Annual) for m, r in quotes]
curve = ql.PiecewiseLogLinearDiscount(today, helpers, ql.Actual365Fixed())
curve.enableExtrapolation()
grid = [0.25 * i for i in range(1, 41)]
out = {"meta": {"quantlib": ql.__version__, "evaluationDate": iso(today), "script": "scripts/reference/gen_sofr_curve.py",
                "source": "data/usd-sofr-caps-swaptions/cap_quotes_2025-01-31.sofr.csv"},
       "quotes": [{"months": m, "rate": r} for m, r in quotes],
       "pillars": [{"date": iso(h.pillarDate()), "discount": curve.discount(h.pillarDate())} for h in helpers],
       "grid": [{"years": t, "discount": curve.discount(t)} for t in grid]}
print(json.dumps(out, indent=1))
