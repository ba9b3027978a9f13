// Implied Black-76 standard deviations through native QuantLib's blackFormulaImpliedStdDev (its
// default guess, accuracy 1e-6 and 100 iterations), timed inside the program. Built and run by
// bench/impliedvol.bench.ts when g++ and libquantlib0-dev are installed:
//   g++ -O2 -std=c++17 impliedvol_bench.cpp -o impliedvol_bench -lQuantLib
// Usage: impliedvol_bench <inputs.f64> <n> <repeats> <stddevs-out.f64>
// Input file: five little-endian f64 columns of length n: undiscounted prices, forwards, strikes,
// expiries (unused by the inversion, kept for symmetry), option types (+1 call, −1 put).
// Prints one line: "<median implied vols/second> <failures>", where a failure is a thrown
// exception or a non-finite result; failed entries are written as NaN.
#include <ql/pricingengines/blackformula.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <vector>

using namespace QuantLib;

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s inputs.f64 n repeats stddevs-out.f64\n", argv[0]);
        return 2;
    }
    const std::size_t n = std::strtoul(argv[2], nullptr, 10);
    const int repeats = std::atoi(argv[3]);
    std::vector<double> data(5 * n);
    std::ifstream in(argv[1], std::ios::binary);
    in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size() * sizeof(double)));
    if (!in) { std::fprintf(stderr, "cannot read %s\n", argv[1]); return 2; }
    const double* P = data.data();
    const double* F = P + n;
    const double* K = F + n;
    const double* w = K + 2 * n;
    std::vector<double> stdDev(n);
    std::vector<double> rates;
    std::size_t failures = 0;
    for (int rep = 0; rep < repeats + 1; ++rep) {  // first pass is warm-up
        failures = 0;
        auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < n; ++i) {
            try {
                stdDev[i] = blackFormulaImpliedStdDev(w[i] > 0 ? Option::Call : Option::Put, K[i], F[i], P[i]);
                if (!std::isfinite(stdDev[i])) { ++failures; stdDev[i] = std::numeric_limits<double>::quiet_NaN(); }
            } catch (...) {
                ++failures;
                stdDev[i] = std::numeric_limits<double>::quiet_NaN();
            }
        }
        auto t1 = std::chrono::steady_clock::now();
        if (rep > 0) rates.push_back(static_cast<double>(n) / std::chrono::duration<double>(t1 - t0).count());
    }
    std::sort(rates.begin(), rates.end());
    std::ofstream out(argv[4], std::ios::binary);
    out.write(reinterpret_cast<const char*>(stdDev.data()), static_cast<std::streamsize>(n * sizeof(double)));
    std::printf("%.6e %zu\n", rates[rates.size() / 2], failures);
    return 0;
}
