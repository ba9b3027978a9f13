// The public API: every name the index promises exists and is what it claims to be.
import { describe, expect, it } from 'vitest';
import * as quantflow from '../src/index.js';

const classes = [
  'QuantflowError', 'InvalidInputError', 'MissingFixingError', 'ArbitrageError', 'CalibrationError', 'ConvergenceError', 'ExpiredInstrumentError',
  'Observable', 'LazyObject', 'Handle', 'RelinkableHandle', 'EvaluationDate', 'Settings',
  'Quote', 'SimpleQuote', 'DerivedQuote', 'CompositeQuote',
  'Date', 'Period', 'Calendar', 'NullCalendar', 'WeekendsOnly', 'TARGET', 'UnitedStates', 'DayCounter',
  'Actual365Fixed', 'Actual360', 'Thirty360', 'ActualActual', 'Schedule', 'InterestRate',
  'LinearInterpolation', 'BilinearInterpolation', 'BackwardFlatInterpolation', 'CubicNaturalSpline', 'MonotoneConvexInterpolation', 'Currency', 'Money', 'Rounding',
  'GeneralizedBlackScholesProcess', 'TermStructure', 'YieldTermStructure', 'FlatForward', 'ZeroCurve',
  'InterpolatedDiscountCurve', 'InterpolatedForwardCurve', 'ZeroSpreadedTermStructure',
  'RateHelper', 'DepositRateHelper', 'FraRateHelper', 'SwapRateHelper', 'OISRateHelper', 'SofrFutureRateHelper', 'PiecewiseYieldCurve', 'MultiCurveBootstrap',
  'BlackVolTermStructure', 'BlackConstantVol', 'BlackVarianceSurface', 'LocalVolTermStructure', 'SviSmileSection', 'SviFittedSmileSection', 'SabrSmileSection', 'SabrFittedSmileSection', 'SabrSurface',
  'Instrument', 'Payoff', 'StrikedTypePayoff', 'PlainVanillaPayoff', 'CashOrNothingPayoff', 'AssetOrNothingPayoff', 'GapPayoff',
  'Exercise', 'EuropeanExercise', 'AmericanExercise', 'BermudanExercise', 'OneAssetOption', 'VanillaOption', 'BarrierOption',
  'ContinuousAveragingAsianOption', 'DiscreteAveragingAsianOption',
  'VarianceSwap', 'Swap', 'VanillaSwap', 'OvernightIndexedSwap', 'Bond', 'ZeroCouponBond', 'FixedRateBond', 'FloatingRateBond', 'ForwardRateAgreement',
  'DiscountingSwapEngine', 'DiscountingBondEngine', 'DiscountingFraEngine',
  'PricingEngine', 'BlackCalculator', 'AnalyticEuropeanEngine', 'AnalyticDigitalAmericanEngine', 'AnalyticBarrierEngine',
  'AnalyticContinuousGeometricAveragePriceAsianEngine', 'AnalyticDiscreteGeometricAveragePriceAsianEngine',
  'BaroneAdesiWhaleyApproximationEngine', 'BjerksundStenslandApproximationEngine', 'BinomialVanillaEngine',
  'FdBlackScholesVanillaEngine', 'FdBlackScholesBarrierEngine', 'McEuropeanEngine', 'McBarrierEngine',
  'McDiscreteArithmeticAsianEngine', 'McAmericanEngine', 'ReplicatingVarianceSwapEngine',
  'BinomialTree', 'CoxRossRubinstein', 'JarrowRudd', 'Tian', 'LeisenReimer', 'FdBlackScholesSolver',
  'Philox4x32', 'MersenneTwister', 'SobolSequence', 'BrownianBridge', 'RunningStatistics', 'LongstaffSchwartz',
  'FixingsStore', 'Index', 'InterestRateIndex', 'IborIndex', 'OvernightIndex', 'Sofr', 'Estr',
  'CashFlow', 'Coupon', 'SimpleCashFlow', 'FixedRateCoupon', 'FloatingRateCoupon', 'IborCoupon', 'OvernightIndexedCoupon', 'CashFlows',
  'Complex', 'HestonProcess', 'HestonModel', 'AnalyticHestonEngine', 'CosHestonEngine', 'AnalyticSabrEuropeanEngine', 'McHestonEngine', 'HestonCalibratedModel',
  'RoughBergomiModel', 'McRoughBergomiEngine',
  'McLocalVolEngine', // issue 5, lvmc
  'LocalVolSurface', 'FdLocalVolVanillaEngine', 'FdLocalVolBarrierEngine',
  'AbcdFunction', 'LiborMarketModel', 'LmmCalibratedModel',
  'SsviSurface', 'EssviSurface', 'SsviFittedSurface', 'EssviFittedSurface', 'SviSurface', 'SviFittedSurface', // ssvi
  'RoughHestonModel', 'RoughHestonEngine',
];
const functions = [
  'transaction', 'setPropagationScheduler', 'graphStats', 'normalCdf', 'normalPdf', 'erfc',
  'blackScholesBatch', 'black76Batch', 'kernelBackend', 'init', 'impliedBlackVolatilityBatch',
  'blackFormula', 'blackFormulaForwardDerivative', 'blackFormulaStdDevDerivative', 'blackFormulaStdDevSecondDerivative',
  'blackFormulaVolDerivative', 'blackFormulaImpliedStdDev', 'impliedBlackVolatility', 'vanillaOptionImpliedVolatility', 'bachelierBlackFormula',
  'bachelierBlackFormulaForwardDerivative', 'bachelierBlackFormulaStdDevDerivative', 'bachelierBlackFormulaImpliedVol',
  'blackScholesVanna', 'blackScholesVolga', 'blackScholesCharm', 'blackScholesSpeed', 'perOnePercent', 'perDay',
  'sviRawToNatural', 'sviNaturalToRaw', 'sviRawToJumpWings', 'sviJumpWingsToRaw', 'fitSviSmile',
  'sabrVolatility', 'sabrAlphaFromAtmVol', 'fitSabrSmile',
  'parseGatheralChain', 'parseCboeChain', 'gatheralOptionChain', 'cboeOptionChain', 'putCallParityForward',
  'cboeVolatilityIndex', 'brentRoot', 'concentratedGrid', 'solveTridiagonal', 'brennanSchwartz', 'psor', 'inverseNormalCdf', 'philoxNormals',
  'fixedLeg', 'iborLeg', 'overnightLeg', 'treasuryZeroRates',
  'adaptiveGaussKronrod', 'adaptiveGaussKronrodHalfLine', 'hestonCharacteristicFunction', 'batesCharacteristicFunction', 'carrMadanHestonCalls', 'fft', 'cosHestonBatch', 'calibrateHeston',
  'roughBergomiSmile', 'roughBergomiVolterraPaths', 'variogramHurst', 'fractionalBrownianMotion',
  'sabrArbitrageFreeDensity', // issue 5, lvmc
  'localVolGrid',
  'forwardCorrelation', 'reduceFactors', 'calibrateLiborMarketModel', 'simulateLiborMarketModel', 'mcLmmBermudanSwaption', 'mcLmmCapFloor',
  'fitSsviSurface', 'fitEssviSurface', 'fitSviSurface', // ssvi
  // Rough Heston routes: Padé and Markovian lift (rhlift)
  'liftKernel', 'liftKernelL2Error', 'liftedHestonLogCf', 'liftedHestonMcCalls', 'padeRoughHestonLogCf',
  'mittagLeffler', 'mittagLefflerComplex', 'adamsWeights', 'solveFractionalRiccati', 'solveVolterra', 'adamsRoughHestonLogCf', 'cosRoughHestonBatch', 'calibrateRoughHeston', 'lewisRoughHestonBatch',
];
const enums = [
  'Month', 'Weekday', 'TimeUnit', 'Frequency', 'BusinessDayConvention', 'UnitedStatesMarket', 'Thirty360Convention',
  'ActualActualConvention', 'DateGeneration', 'Compounding', 'RoundingType', 'OptionType', 'ExerciseType', 'BarrierType', 'AverageType', 'Position', 'Duration', 'SwapType',
];

// Hull–White (issue 8)
classes.push(
  'HullWhite', 'Swaption', 'CapFloor', 'JamshidianSwaptionEngine', 'AnalyticCapFloorEngine', 'HullWhiteCalibratedModel',
  'BlackSwaptionEngine', 'BachelierSwaptionEngine', 'BlackCapFloorEngine', 'BachelierCapFloorEngine',
);
functions.push('calibrateHullWhite', 'makeAtmSwaption', 'selectSwaptionMatrix');
enums.push('SettlementType', 'CapFloorType');

// Hull–White numerics (issue 8, hwnum)
classes.push('HullWhiteTrinomialTree', 'TreeSwaptionEngine', 'TreeCallableFixedRateBondEngine', 'FdHullWhiteSwaptionEngine', 'FdHullWhiteCallableFixedRateBondEngine', 'HullWhitePathGenerator', 'McHullWhiteSwaptionEngine', 'CallableFixedRateBond');
functions.push('timeGridWithMandatoryTimes', 'isCallableBondArguments');

// Rough Heston forward-variance curve (issue 7, xi0)
functions.push('roughHestonForwardVariance', 'piecewiseFlatForwardVariance');

describe('public API (src/index.ts)', () => {
  it.each(classes)('exports class %s', (name) => {
    expect(typeof (quantflow as Record<string, unknown>)[name]).toBe('function');
    expect(String((quantflow as Record<string, unknown>)[name])).toMatch(/^class /);
  });
  it.each(functions)('exports function %s', (name) => {
    expect(typeof (quantflow as Record<string, unknown>)[name]).toBe('function');
  });
  it.each(enums)('exports enum %s', (name) => {
    expect(typeof (quantflow as Record<string, unknown>)[name]).toBe('object');
  });
  it('exports nothing else', () => {
    expect(Object.keys(quantflow).sort()).toEqual([...classes, ...functions, ...enums].sort());
  });
});
