// Black-76 / Black–Scholes–Merton price + Greeks through native QuantLib's BlackCalculator,
// timed inside the program. Built and run by bench/black.bench.ts when g++ and
// libquantlib0-dev are installed:
//   g++ -O2 -std=c++17 black76_bench.cpp -o black76_bench -lQuantLib
// Usage: black76_bench <mode> <inputs.f64> <n> <repeats> <prices-out.f64>
//   mode b76-5: Black-76, price + delta, gamma, vega, theta, rho (the "price + 5 Greeks").
//     Input: six little-endian f64 columns of length n: forwards, strikes, expiries, discount
//     rates, volatilities, option types (+1 call, −1 put).
//   mode b76-6: as b76-5 plus dividendRho (price + 6 outputs, as QuantLib's calculator offers).
//   mode bsm-6: generalized Black–Scholes–Merton as AnalyticEuropeanEngine does it (forward
//     S·e^(−qT)/e^(−rT), Greeks with respect to the spot): price + delta, gamma, vega, theta,
//     rho, dividendRho. Input: seven columns: spots, strikes, expiries, rates, dividend yields,
//     volatilities, option types.
// Prints one line: "<median options/second> <checksum>". The first pass is a warm-up.
#include <ql/pricingengines/blackcalculator.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace QuantLib;

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: %s b76-5|b76-6|bsm-6 inputs.f64 n repeats prices-out.f64\n", argv[0]);
        return 2;
    }
    const std::string mode = argv[1];
    const bool bsm = mode == "bsm-6";
    const bool divRhoToo = mode != "b76-5";
    if (!bsm && mode != "b76-5" && mode != "b76-6") {
        std::fprintf(stderr, "unknown mode %s\n", argv[1]);
        return 2;
    }
    const std::size_t n = std::strtoul(argv[3], nullptr, 10);
    const int repeats = std::atoi(argv[4]);
    const std::size_t columns = bsm ? 7 : 6;
    std::vector<double> data(columns * n);
    std::ifstream in(argv[2], std::ios::binary);
    in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size() * sizeof(double)));
    if (!in) { std::fprintf(stderr, "cannot read %s\n", argv[2]); return 2; }
    const double* S = data.data();  // forwards in the b76 modes
    const double* K = S + n;
    const double* T = K + n;
    const double* r = T + n;
    const double* q = bsm ? r + n : nullptr;
    const double* vol = bsm ? q + n : r + n;
    const double* w = vol + n;
    std::vector<double> price(n), delta(n), gamma(n), vega(n), theta(n), rho(n), divRho(n, 0.0);
    std::vector<double> rates;
    for (int rep = 0; rep < repeats + 1; ++rep) {
        auto t0 = std::chrono::steady_clock::now();
        if (bsm) {
            for (std::size_t i = 0; i < n; ++i) {
                const double df = std::exp(-r[i] * T[i]);
                const double dq = std::exp(-q[i] * T[i]);
                const double forward = S[i] * dq / df;
                BlackCalculator bc(w[i] > 0 ? Option::Call : Option::Put, K[i], forward, vol[i] * std::sqrt(T[i]), df);
                price[i] = bc.value();
                delta[i] = bc.delta(S[i]);
                gamma[i] = bc.gamma(S[i]);
                vega[i] = bc.vega(T[i]);
                theta[i] = bc.theta(S[i], T[i]);
                rho[i] = bc.rho(T[i]);
                divRho[i] = bc.dividendRho(T[i]);
            }
        } else {
            for (std::size_t i = 0; i < n; ++i) {
                const double discount = std::exp(-r[i] * T[i]);
                BlackCalculator bc(w[i] > 0 ? Option::Call : Option::Put, K[i], S[i], vol[i] * std::sqrt(T[i]), discount);
                price[i] = bc.value();
                delta[i] = bc.deltaForward();
                gamma[i] = bc.gammaForward();
                vega[i] = bc.vega(T[i]);
                theta[i] = bc.theta(S[i], T[i]);
                rho[i] = bc.rho(T[i]);
                if (divRhoToo) divRho[i] = bc.dividendRho(T[i]);
            }
        }
        auto t1 = std::chrono::steady_clock::now();
        const double secs = std::chrono::duration<double>(t1 - t0).count();
        if (rep > 0) rates.push_back(static_cast<double>(n) / secs);
    }
    double checksum = 0;
    for (std::size_t i = 0; i < n; ++i) checksum += price[i] + delta[i] + gamma[i] + vega[i] + theta[i] + rho[i] + divRho[i];
    std::sort(rates.begin(), rates.end());
    std::ofstream out(argv[5], std::ios::binary);
    out.write(reinterpret_cast<const char*>(price.data()), static_cast<std::streamsize>(n * sizeof(double)));
    std::printf("%.6e %.17g\n", rates[rates.size() / 2], checksum);
    return 0;
}
