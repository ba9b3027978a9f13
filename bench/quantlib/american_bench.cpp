// American option pricing time through native QuantLib's binomial and FD engines.
// Built and run by bench/american.bench.ts when g++ and libquantlib0-dev are installed:
//   g++ -O2 -std=c++17 american_bench.cpp -o american_bench -lQuantLib
// Usage: american_bench S K days r q vol type(+1 call, -1 put) repeats
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
    if (argc != 9) { std::fprintf(stderr, "usage: %s S K days r q vol type repeats\n", argv[0]); return 2; }
    const Real S = std::atof(argv[1]), K = std::atof(argv[2]);
    const int days = std::atoi(argv[3]);
    const Rate r = std::atof(argv[4]), q = std::atof(argv[5]);
    const Volatility vol = std::atof(argv[6]);
    const Option::Type type = std::atoi(argv[7]) > 0 ? Option::Call : Option::Put;
    const int repeats = std::atoi(argv[8]);
    const Date today(2, January, 2025);
    Settings::instance().evaluationDate() = today;
    const DayCounter dc = Actual365Fixed();
    auto spot = ext::make_shared<SimpleQuote>(S);
    Handle<YieldTermStructure> rTS(ext::make_shared<FlatForward>(today, r, dc));
    Handle<YieldTermStructure> qTS(ext::make_shared<FlatForward>(today, q, dc));
    Handle<BlackVolTermStructure> vTS(ext::make_shared<BlackConstantVol>(today, NullCalendar(), vol, dc));
    auto process = ext::make_shared<BlackScholesMertonProcess>(Handle<Quote>(spot), qTS, rTS, vTS);
    VanillaOption option(ext::make_shared<PlainVanillaPayoff>(type, K), ext::make_shared<AmericanExercise>(today, today + days));
    const std::vector<std::pair<const char*, std::function<ext::shared_ptr<PricingEngine>()>>> engines = {
        {"CRR-1000", [&] { return ext::make_shared<BinomialVanillaEngine<CoxRossRubinstein>>(process, 1000); }},
        {"LR-1001", [&] { return ext::make_shared<BinomialVanillaEngine<LeisenReimer>>(process, 1001); }},
        {"FD-200x200", [&] { return ext::make_shared<FdBlackScholesVanillaEngine>(process, 200, 200); }},
        {"FD-800x800", [&] { return ext::make_shared<FdBlackScholesVanillaEngine>(process, 800, 800); }},
    };
    for (const auto& [name, make] : engines) {
        option.setPricingEngine(make());
        std::vector<double> times;
        double npv = 0;
        for (int rep = 0; rep < repeats + 1; ++rep) {
            spot->setValue(S + (rep % 2 ? 1e-9 : 0.0));  // forces a recalculation
            auto t0 = std::chrono::steady_clock::now();
            npv = option.NPV();
            auto t1 = std::chrono::steady_clock::now();
            if (rep > 0) times.push_back(std::chrono::duration<double>(t1 - t0).count());
        }
        std::sort(times.begin(), times.end());
        std::printf("%s %.6e %.12f\n", name, times[times.size() / 2], npv);
    }
    return 0;
}
