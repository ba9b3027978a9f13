// The Heston surface of issue 6 through native QuantLib's COSHestonEngine and
// AnalyticHestonEngine, timed inside the program. Built and run by bench/heston.bench.ts when g++
// and libquantlib0-dev are installed:
//   g++ -O2 -std=c++17 heston_bench.cpp -o heston_bench -lQuantLib
// Usage: heston_bench <repeats> <calls-out-prefix>
// Surface: S = 100, 256 strikes 50 … 150 (equally spaced), maturities 7, 30, 60, 91, 182, 365,
// 730, 1095 days (Actual365Fixed from 2025-01-02), κ = 1.5, θ = 0.04, σ = 0.3, ρ = −0.7,
// v0 = 0.04, r = 3 %, q = 1 % (flat, continuous). European calls.
// Prints one line per engine: "<name> <median seconds per surface>", and writes the call prices
// (maturity-major, 2048 f64) to <prefix>.<name>.f64.
#include <ql/quantlib.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using namespace QuantLib;

int main(int argc, char** argv) {
    if (argc != 3) { std::fprintf(stderr, "usage: %s repeats calls-out-prefix\n", argv[0]); return 2; }
    const int repeats = std::atoi(argv[1]);
    const std::string prefix = argv[2];
    const Date today(2, January, 2025);
    Settings::instance().evaluationDate() = today;
    const DayCounter dc = Actual365Fixed();
    Handle<YieldTermStructure> rTs(ext::make_shared<FlatForward>(today, 0.03, dc));
    Handle<YieldTermStructure> qTs(ext::make_shared<FlatForward>(today, 0.01, dc));
    Handle<Quote> s0(ext::make_shared<SimpleQuote>(100.0));
    auto process = ext::make_shared<HestonProcess>(rTs, qTs, s0, 0.04, 1.5, 0.04, 0.3, -0.7);
    auto model = ext::make_shared<HestonModel>(process);
    const int days[8] = {7, 30, 60, 91, 182, 365, 730, 1095};
    std::vector<ext::shared_ptr<VanillaOption>> options;
    for (int d : days) {
        auto exercise = ext::make_shared<EuropeanExercise>(today + d);
        for (int i = 0; i < 256; ++i) {
            const Real k = 50.0 + 100.0 * i / 255.0;
            options.push_back(ext::make_shared<VanillaOption>(ext::make_shared<PlainVanillaPayoff>(Option::Call, k), exercise));
        }
    }
    struct Named { std::string name; ext::shared_ptr<PricingEngine> engine; };
    const std::vector<Named> engines = {
        {"cos-default", ext::make_shared<COSHestonEngine>(model)},                 // L = 16, N = 200
        {"cos-L32-N4000", ext::make_shared<COSHestonEngine>(model, 32, 4000)},
        {"analytic-laguerre144", ext::make_shared<AnalyticHestonEngine>(model)},  // Gauss-Laguerre, 144 nodes
        {"analytic-adaptive-1e-10", ext::make_shared<AnalyticHestonEngine>(model, 1e-10, 100000)},
    };
    for (const auto& e : engines) {
        for (auto& o : options) o->setPricingEngine(e.engine);
        std::vector<double> times;
        std::vector<double> prices(options.size());
        for (int rep = 0; rep < repeats + 1; ++rep) {
            auto t0 = std::chrono::steady_clock::now();
            for (std::size_t i = 0; i < options.size(); ++i) {
                options[i]->recalculate();
                prices[i] = options[i]->NPV();
            }
            auto t1 = std::chrono::steady_clock::now();
            if (rep > 0) times.push_back(std::chrono::duration<double>(t1 - t0).count());
        }
        std::sort(times.begin(), times.end());
        std::printf("%s %.9g\n", e.name.c_str(), times[times.size() / 2]);
        std::ofstream out(prefix + "." + e.name + ".f64", std::ios::binary);
        out.write(reinterpret_cast<const char*>(prices.data()), static_cast<std::streamsize>(prices.size() * sizeof(double)));
    }
    return 0;
}
