// Black-76 price + Greeks through native QuantLib's BlackCalculator, timed inside the program.
// Built and run by bench/black.bench.ts when g++ and libquantlib0-dev are installed:
//   g++ -O2 -std=c++17 black76_bench.cpp -o black76_bench -lQuantLib
// Usage: black76_bench <inputs.f64> <n> <repeats> <prices-out.f64>
// Input file: six little-endian f64 columns of length n: forwards, strikes, expiries,
// discount rates, volatilities, option types (+1 call, −1 put).
// Prints one line: "<median options/second> <checksum>".
#include <ql/pricingengines/blackcalculator.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

using namespace QuantLib;

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s inputs.f64 n repeats prices-out.f64\n", argv[0]);
        return 2;
    }
    const std::size_t n = std::strtoul(argv[2], nullptr, 10);
    const int repeats = std::atoi(argv[3]);
    std::vector<double> data(6 * n);
    std::ifstream in(argv[1], std::ios::binary);
    in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size() * sizeof(double)));
    if (!in) { std::fprintf(stderr, "cannot read %s\n", argv[1]); return 2; }
    const double* F = data.data();
    const double* K = F + n;
    const double* T = K + n;
    const double* r = T + n;
    const double* vol = r + n;
    const double* w = vol + n;
    std::vector<double> price(n), delta(n), gamma(n), vega(n), theta(n), rho(n), divRho(n);
    std::vector<double> rates;
    double checksum = 0;
    for (int rep = 0; rep < repeats + 1; ++rep) {  // first pass is warm-up
        auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < n; ++i) {
            const double sqrtT = std::sqrt(T[i]);
            const double discount = std::exp(-r[i] * T[i]);
            BlackCalculator bc(w[i] > 0 ? Option::Call : Option::Put, K[i], F[i], vol[i] * sqrtT, discount);
            price[i] = bc.value();
            delta[i] = bc.deltaForward();
            gamma[i] = bc.gammaForward();
            vega[i] = bc.vega(T[i]);
            theta[i] = bc.theta(F[i], T[i]);
            rho[i] = bc.rho(T[i]);
            divRho[i] = bc.dividendRho(T[i]);
        }
        auto t1 = std::chrono::steady_clock::now();
        const double secs = std::chrono::duration<double>(t1 - t0).count();
        if (rep > 0) rates.push_back(static_cast<double>(n) / secs);
    }
    for (std::size_t i = 0; i < n; ++i) checksum += price[i] + delta[i] + gamma[i] + vega[i] + theta[i] + rho[i] + divRho[i];
    std::sort(rates.begin(), rates.end());
    std::ofstream out(argv[4], std::ios::binary);
    out.write(reinterpret_cast<const char*>(price.data()), static_cast<std::streamsize>(n * sizeof(double)));
    std::printf("%.6e %.17g\n", rates[rates.size() / 2], checksum);
    return 0;
}
