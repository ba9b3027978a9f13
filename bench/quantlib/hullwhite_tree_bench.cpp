// 10-year Bermudan swaption (1Y no-call, annual exercise) under Hull-White through native
// QuantLib's TreeSwaptionEngine and FdHullWhiteSwaptionEngine.
// Built and run by bench/hullwhiteTree.bench.ts when g++ and libquantlib0-dev are installed:
//   g++ -O2 -std=c++17 hullwhite_tree_bench.cpp -o hullwhite_tree_bench -lQuantLib
// Usage: hullwhite_tree_bench rate a sigma fixedRate repeats
// Market: flat continuously compounded Act/365F curve on 2025-01-02; payer swap 2026-01-02 ->
// 2035-01-02, fixed annual Act/365F, float 6M Act/365F (index on the same curve), NullCalendar,
// Unadjusted, nominal 1; exercise on every fixed accrual start 2026-01-02 ... 2034-01-02.
// The tree is timed once (QuantLib 1.29 needs tens of seconds for it), the FD engines by the
// median of `repeats` after one warm-up.
// Prints one line per engine: "<name> <seconds per price (median)> <npv>".
#include <ql/quantlib.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace QuantLib;

int main(int argc, char** argv) {
    if (argc != 6) { std::fprintf(stderr, "usage: %s rate a sigma fixedRate repeats\n", argv[0]); return 2; }
    const Rate r = std::atof(argv[1]);
    const Real a = std::atof(argv[2]), sigma = std::atof(argv[3]);
    const Rate K = std::atof(argv[4]);
    const int repeats = std::atoi(argv[5]);
    const Date today(2, January, 2025);
    Settings::instance().evaluationDate() = today;
    const DayCounter dc = Actual365Fixed();
    auto rate = ext::make_shared<SimpleQuote>(r);
    Handle<YieldTermStructure> curve(ext::make_shared<FlatForward>(today, Handle<Quote>(rate), dc, Continuous));
    auto index = ext::make_shared<IborIndex>("FlatIdx", Period(6, Months), 0, USDCurrency(), NullCalendar(), Unadjusted, false, dc, curve);
    const Date start(2, January, 2026), end(2, January, 2035);
    Schedule fixedS(start, end, Period(1, Years), NullCalendar(), Unadjusted, Unadjusted, DateGeneration::Forward, false);
    Schedule floatS(start, end, Period(6, Months), NullCalendar(), Unadjusted, Unadjusted, DateGeneration::Forward, false);
    auto swap = ext::make_shared<VanillaSwap>(Swap::Payer, 1.0, fixedS, K, dc, floatS, index, 0.0, dc);
    std::vector<Date> ex(fixedS.dates().begin(), fixedS.dates().end() - 1);
    Swaption swaption(swap, ext::make_shared<BermudanExercise>(ex));
    auto model = ext::make_shared<HullWhite>(curve, a, sigma);
    const std::vector<std::pair<const char*, std::function<ext::shared_ptr<PricingEngine>()>>> engines = {
        {"tree-1000", [&] { return ext::make_shared<TreeSwaptionEngine>(model, 1000); }},
        {"fd-100x100", [&] { return ext::make_shared<FdHullWhiteSwaptionEngine>(model, 100, 100); }},
        {"fd-200x200", [&] { return ext::make_shared<FdHullWhiteSwaptionEngine>(model, 200, 200); }},
        {"fd-400x400", [&] { return ext::make_shared<FdHullWhiteSwaptionEngine>(model, 400, 400); }},
    };
    for (const auto& [name, make] : engines) {
        swaption.setPricingEngine(make());
        std::vector<double> times;
        double npv = 0;
        // QuantLib 1.29's tree at 1,000 steps takes tens of seconds: timed once, without a warm-up.
        const bool slow = name[0] == 't';
        const int runs = slow ? 1 : repeats + 1;
        for (int rep = 0; rep < runs; ++rep) {
            rate->setValue(r + (rep % 2 ? 1e-12 : 0.0));  // forces a recalculation
            auto t0 = std::chrono::steady_clock::now();
            npv = swaption.NPV();
            auto t1 = std::chrono::steady_clock::now();
            if (rep > 0 || slow) times.push_back(std::chrono::duration<double>(t1 - t0).count());
        }
        std::sort(times.begin(), times.end());
        std::printf("%s %.6e %.15f\n", name, times[times.size() / 2], npv);
    }
    return 0;
}
