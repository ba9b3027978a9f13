// Twins of the @example blocks in engines/blackscholes/formulas and src/kernels/impliedVol.ts:
// each asserts exactly the value its example prints.
import { describe, expect, it } from 'vitest';
import {
  BlackConstantVol,
  Date,
  EuropeanExercise,
  FlatForward,
  GeneralizedBlackScholesProcess,
  Handle,
  OptionType,
  PlainVanillaPayoff,
  Settings,
  SimpleQuote,
  VanillaOption,
  vanillaOptionImpliedVolatility,
  type BlackVolTermStructure,
  type Quote,
  type YieldTermStructure,
  bachelierBlackFormula,
  bachelierBlackFormulaForwardDerivative,
  bachelierBlackFormulaImpliedVol,
  bachelierBlackFormulaStdDevDerivative,
  blackFormula,
  blackFormulaForwardDerivative,
  blackFormulaImpliedStdDev,
  blackFormulaStdDevDerivative,
  blackFormulaStdDevSecondDerivative,
  blackFormulaVolDerivative,
  blackScholesCharm,
  blackScholesSpeed,
  blackScholesVanna,
  blackScholesVolga,
  impliedBlackVolatility,
  impliedBlackVolatilityBatch,
  perDay,
  perOnePercent,
} from '../../../../src/index.js';

describe('docstring examples', () => {
  it('Black-76', () => {
    expect(blackFormula(OptionType.Call, 100, 100, 0.2, 0.951229424500714)).toBe(7.577082146427274);
    expect(blackFormulaForwardDerivative(OptionType.Call, 100, 100, 0.2)).toBe(0.539827837277029);
    expect(blackFormulaStdDevDerivative(100, 100, 0.2)).toBe(39.695254747701185);
    expect(blackFormulaVolDerivative(100, 100, 0.2, 1)).toBe(39.695254747701185);
    expect(blackFormulaStdDevSecondDerivative(100, 110, 0.2)).toBe(40.34149416260335);
    expect(blackFormulaImpliedStdDev(OptionType.Call, 100, 100, 7.57708214642728, 0.951229424500714)).toBe(0.20000000000000018);
    expect(impliedBlackVolatility(OptionType.Put, 100, 100, 7.57708214642728, 1, 0.951229424500714)).toBe(0.20000000000000018);
  });
  it('Bachelier', () => {
    expect(bachelierBlackFormula(OptionType.Call, 0.03, 0.03, 0.01, 0.9704455335485082)).toBe(0.003871517541592269);
    expect(bachelierBlackFormulaForwardDerivative(OptionType.Put, 0.03, 0.03, 0.01)).toBe(-0.5);
    expect(bachelierBlackFormulaStdDevDerivative(0.03, 0.03, 0.01)).toBe(0.3989422804014327);
    expect(bachelierBlackFormulaImpliedVol(OptionType.Call, 120, 100, 0.5, 0.49754500615635827, 0.9900498337491681)).toBe(20.000000000000004);
  });
  it('Black–Scholes Greeks and unit helpers', () => {
    expect(blackScholesVanna(100, 110, 0.05, 0.02, 0.2, 1)).toBe(0.8128677484777753);
    expect(blackScholesVolga(100, 110, 0.05, 0.02, 0.2, 1)).toBe(18.415591920332368);
    expect(blackScholesSpeed(100, 110, 0.05, 0.02, 0.2, 1)).toBe(0.000025298703574733844);
    expect(blackScholesCharm(OptionType.Call, 100, 110, 0.05, 0.02, 0.2, 1)).toBe(-0.1304118446218734);
    expect(perOnePercent(39.69525474770118)).toBe(0.39695254747701175);
    expect(perDay(-3.65)).toBe(-0.01);
  });
  it('vanillaOptionImpliedVolatility', () => {
    const today = Date.fromISO('2025-01-02');
    Settings.instance.evaluationDate.set(today);
    const ref = { referenceDate: today };
    const process = new GeneralizedBlackScholesProcess(
      new Handle<Quote>(new SimpleQuote(100)),
      new Handle<YieldTermStructure>(new FlatForward(0.02, ref)),
      new Handle<YieldTermStructure>(new FlatForward(0.05, ref)),
      new Handle<BlackVolTermStructure>(new BlackConstantVol(0.3, ref)),
    );
    const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
    expect(vanillaOptionImpliedVolatility(option, 9.227005508154061, process)).toBe(0.2000000000000006);
  });
  it('impliedBlackVolatilityBatch', () => {
    const vols = impliedBlackVolatilityBatch({
      prices: Float64Array.of(7.57708214642728, 8.029392917509307e-6), forwards: 100,
      strikes: Float64Array.of(100, 200), expiries: Float64Array.of(1, 0.25),
      discounts: Float64Array.of(0.951229424500714, 0.9950124791926823), optionTypes: 1,
    });
    expect([vols[0], vols[1]]).toEqual([0.20000000000000018, 0.3000000000089932]);
  });
});
