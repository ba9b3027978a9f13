/**
 * quantflow: reactive dataflow derivatives pricing in QuantLib style, with SIMD WebAssembly
 * kernels. This file is the public API: every public name is re-exported here, by name,
 * grouped by folder. Anything not listed is internal and may change without notice.
 *
 * @packageDocumentation
 */

// Errors
export {
  ArbitrageError,
  CalibrationError,
  ConvergenceError,
  ExpiredInstrumentError,
  InvalidInputError,
  MissingFixingError,
  QuantflowError,
  type ErrorDetails,
} from './errors.js';

// Patterns: the reactive graph
export { Observable } from './patterns/Observable.js';
export type { Observer } from './patterns/Observer.js';
export { LazyObject } from './patterns/LazyObject.js';
export { Handle } from './patterns/Handle.js';
export { RelinkableHandle } from './patterns/RelinkableHandle.js';
export { transaction } from './patterns/transaction.js';
export { setPropagationScheduler, type PropagationScheduler } from './patterns/setPropagationScheduler.js';
export { graphStats, type GraphStats } from './patterns/graphStats.js';

// Settings
export { EvaluationDate, Settings } from './settings.js';

// Quotes
export { Quote } from './quotes/Quote.js';
export { SimpleQuote } from './quotes/SimpleQuote.js';
export { DerivedQuote } from './quotes/DerivedQuote.js';
export { CompositeQuote } from './quotes/CompositeQuote.js';

// Time
export { Date } from './time/Date.js';
export { Month } from './time/Month.js';
export { Weekday } from './time/Weekday.js';
export { TimeUnit } from './time/TimeUnit.js';
export { Frequency } from './time/Frequency.js';
export { Period } from './time/Period.js';
export { BusinessDayConvention } from './time/BusinessDayConvention.js';
export { Calendar } from './time/Calendar.js';
export { NullCalendar } from './time/NullCalendar.js';
export { WeekendsOnly } from './time/WeekendsOnly.js';
export { TARGET } from './time/TARGET.js';
export { UnitedStates, UnitedStatesMarket } from './time/UnitedStates.js';
export { DayCounter } from './time/DayCounter.js';
export { Actual365Fixed } from './time/Actual365Fixed.js';
export { Actual360 } from './time/Actual360.js';
export { Thirty360, Thirty360Convention } from './time/Thirty360.js';
export { ActualActual, ActualActualConvention } from './time/ActualActual.js';
export { DateGeneration } from './time/DateGeneration.js';
export { Schedule, type ScheduleOptions } from './time/Schedule.js';

// Interest rates
export { Compounding } from './rates/Compounding.js';
export { InterestRate } from './rates/InterestRate.js';

// Math
export { normalCdf } from './math/distributions/normalCdf.js';
export { normalPdf } from './math/distributions/normalPdf.js';
export { erfc } from './math/special/erfc.js';
export { LinearInterpolation } from './math/interpolation/LinearInterpolation.js';
export { BilinearInterpolation } from './math/interpolation/BilinearInterpolation.js';
export { BackwardFlatInterpolation } from './math/interpolation/BackwardFlatInterpolation.js';
export { CubicNaturalSpline, type CubicNaturalSplineOptions } from './math/interpolation/CubicNaturalSpline.js';
export {
  MonotoneConvexInterpolation,
  type MonotoneConvexInterpolationOptions,
} from './math/interpolation/MonotoneConvexInterpolation.js';
export { brentRoot, type BrentRootOptions } from './math/solvers/brentRoot.js';
export { Complex } from './math/complex/Complex.js';
export { fft } from './math/fft/fft.js';
export {
  adaptiveGaussKronrod,
  type AdaptiveQuadratureOptions,
  type QuadratureResult,
} from './math/integration/adaptiveGaussKronrod.js';
export { adaptiveGaussKronrodHalfLine } from './math/integration/adaptiveGaussKronrodHalfLine.js';

// Money
export { Currency, type CurrencyDefinition } from './money/Currency.js';
export { Money, type DecimalInput } from './money/Money.js';
export { Rounding } from './money/Rounding.js';
export { RoundingType } from './money/RoundingType.js';

// Indexes and fixings
export { FixingsStore, type FixingHistory } from './indexes/FixingsStore.js';
export { Index } from './indexes/Index.js';
export { InterestRateIndex, type InterestRateIndexOptions } from './indexes/InterestRateIndex.js';
export { IborIndex, type IborIndexOptions } from './indexes/IborIndex.js';
export { OvernightIndex, type OvernightIndexOptions } from './indexes/OvernightIndex.js';
export { Sofr } from './indexes/Sofr.js';
export { Estr } from './indexes/Estr.js';

// Cash flows
export { CashFlow } from './cashflows/CashFlow.js';
export type { Leg } from './cashflows/Leg.js';
export { Coupon, type CouponOptions } from './cashflows/Coupon.js';
export { SimpleCashFlow } from './cashflows/SimpleCashFlow.js';
export { FixedRateCoupon, type FixedRateCouponOptions } from './cashflows/FixedRateCoupon.js';
export { FloatingRateCoupon, type FloatingRateCouponOptions } from './cashflows/FloatingRateCoupon.js';
export { IborCoupon, type IborCouponOptions } from './cashflows/IborCoupon.js';
export { OvernightIndexedCoupon, type OvernightIndexedCouponOptions } from './cashflows/OvernightIndexedCoupon.js';
export type { FloatingLegOptions } from './cashflows/FloatingLegOptions.js';
export { fixedLeg, type FixedLegOptions } from './cashflows/fixedLeg.js';
export { iborLeg, type IborLegOptions } from './cashflows/iborLeg.js';
export { overnightLeg, type OvernightLegOptions } from './cashflows/overnightLeg.js';
export { Duration } from './cashflows/Duration.js';
export {
  CashFlows,
  type AtmRateOptions,
  type CashFlowsOptions,
  type YieldConventions,
  type YieldSolverOptions,
} from './cashflows/CashFlows.js';

// Kernels (WebAssembly)
export {
  blackScholesBatch,
  type BatchBackend,
  type BatchOptions,
  type BlackScholesBatchInputs,
  type BlackScholesBatchOutputs,
} from './kernels/black.js';
export { black76Batch, type Black76BatchInputs, type Black76BatchOutputs } from './kernels/black76Batch.js';
export { impliedBlackVolatilityBatch, type ImpliedBlackVolatilityBatchInputs } from './kernels/impliedVol.js';
export { philoxNormals } from './kernels/montecarlo.js';
export { kernelBackend, type KernelBackend } from './kernels/kernelBackend.js';
export { init } from './kernels/init.js';

// Market data: option chains to implied vols
export type { SkippedRows } from './marketdata/SkippedRows.js';
export type { OptionChain } from './marketdata/OptionChain.js';
export type { OptionChainSlice } from './marketdata/OptionChainSlice.js';
export { parseGatheralChain, type GatheralChain, type GatheralChainRow } from './marketdata/parseGatheralChain.js';
export { parseCboeChain, type CboeChain, type CboeChainRow } from './marketdata/parseCboeChain.js';
export { gatheralOptionChain, type GatheralOptionChainOptions } from './marketdata/gatheralOptionChain.js';
export { cboeOptionChain, type CboeOptionChainOptions } from './marketdata/cboeOptionChain.js';
export {
  putCallParityForward,
  type PutCallParityForward,
  type PutCallParityForwardOptions,
} from './marketdata/putCallParityForward.js';

// Processes
export { GeneralizedBlackScholesProcess } from './processes/GeneralizedBlackScholesProcess.js';
export { HestonProcess } from './processes/HestonProcess.js';
export type { HestonParameters } from './processes/HestonParameters.js';
export type { RoughHestonParameters } from './processes/RoughHestonParameters.js';

// Models
export { HestonModel } from './models/HestonModel.js';

// Term structures
export { TermStructure, type DateOrTime, type TermStructureOptions } from '../termstructures/TermStructure.js';
export { YieldTermStructure, type RateConventions } from '../termstructures/yield/YieldTermStructure.js';
export { FlatForward } from '../termstructures/yield/FlatForward.js';
export { ZeroCurve, type ZeroCurveOptions, type ZeroInterpolation } from '../termstructures/yield/ZeroCurve.js';
export {
  InterpolatedDiscountCurve,
  type DiscountInterpolation,
  type InterpolatedDiscountCurveOptions,
} from '../termstructures/yield/InterpolatedDiscountCurve.js';
export {
  InterpolatedForwardCurve,
  type ForwardInterpolation,
  type InterpolatedForwardCurveOptions,
} from '../termstructures/yield/InterpolatedForwardCurve.js';
export { ZeroSpreadedTermStructure } from '../termstructures/yield/ZeroSpreadedTermStructure.js';
export { RateHelper, type RateHelperOptions } from '../termstructures/yield/ratehelpers/RateHelper.js';
export { DepositRateHelper } from '../termstructures/yield/ratehelpers/DepositRateHelper.js';
export { FraRateHelper } from '../termstructures/yield/ratehelpers/FraRateHelper.js';
export { SwapRateHelper, type SwapRateHelperOptions } from '../termstructures/yield/ratehelpers/SwapRateHelper.js';
export { OISRateHelper, type OISRateHelperOptions } from '../termstructures/yield/ratehelpers/OISRateHelper.js';
export { SofrFutureRateHelper, type SofrFutureRateHelperOptions } from '../termstructures/yield/ratehelpers/SofrFutureRateHelper.js';
export { treasuryZeroRates, type ParCurveInput, type TreasuryZeroCurve } from '../termstructures/yield/treasuryZeroRates.js';
export {
  PiecewiseYieldCurve,
  type PiecewiseYieldCurveOptions,
  type PiecewiseYieldCurveTraits,
} from '../termstructures/yield/PiecewiseYieldCurve.js';
export {
  MultiCurveBootstrap,
  type MultiCurveBootstrapOptions,
  type MultiCurveSpec,
} from '../termstructures/yield/MultiCurveBootstrap.js';
export { BlackVolTermStructure } from '../termstructures/volatility/BlackVolTermStructure.js';
export { BlackConstantVol } from '../termstructures/volatility/BlackConstantVol.js';
export { BlackVarianceSurface } from '../termstructures/volatility/BlackVarianceSurface.js';
export { LocalVolTermStructure } from '../termstructures/volatility/LocalVolTermStructure.js';
export type { TotalVarianceSurface, TotalVarianceDerivatives } from '../termstructures/volatility/TotalVarianceSurface.js';
export type { SviRawParameters } from '../termstructures/volatility/svi/SviRawParameters.js';
export type { SviNaturalParameters } from '../termstructures/volatility/svi/SviNaturalParameters.js';
export type { SviJumpWingsParameters } from '../termstructures/volatility/svi/SviJumpWingsParameters.js';
export type { SviArbitrageDiagnostics } from '../termstructures/volatility/svi/SviArbitrageDiagnostics.js';
export { sviRawToNatural } from '../termstructures/volatility/svi/sviRawToNatural.js';
export { sviNaturalToRaw } from '../termstructures/volatility/svi/sviNaturalToRaw.js';
export { sviRawToJumpWings } from '../termstructures/volatility/svi/sviRawToJumpWings.js';
export { sviJumpWingsToRaw } from '../termstructures/volatility/svi/sviJumpWingsToRaw.js';
export { fitSviSmile, type SviFit, type SviFitOptions, type SviSmileQuotes } from '../termstructures/volatility/svi/fitSviSmile.js';
export { SviSmileSection } from '../termstructures/volatility/svi/SviSmileSection.js';
export { SviFittedSmileSection } from '../termstructures/volatility/svi/SviFittedSmileSection.js';
export type { SabrParameters } from '../termstructures/volatility/sabr/SabrParameters.js';
export { sabrVolatility, type SabrVolatilityOptions } from '../termstructures/volatility/sabr/sabrVolatility.js';
export { sabrAlphaFromAtmVol, type SabrAlphaFromAtmVolOptions } from '../termstructures/volatility/sabr/sabrAlphaFromAtmVol.js';
export { fitSabrSmile, type SabrFit, type SabrFitOptions, type SabrSmileQuotes } from '../termstructures/volatility/sabr/fitSabrSmile.js';
export { SabrSmileSection, type SabrSmileSectionOptions } from '../termstructures/volatility/sabr/SabrSmileSection.js';
export { SabrFittedSmileSection } from '../termstructures/volatility/sabr/SabrFittedSmileSection.js';
export { SabrSurface, type SabrSurfaceOptions } from '../termstructures/volatility/sabr/SabrSurface.js';

// Instruments
export { Instrument } from '../instruments/Instrument.js';
export type { PricingResult } from '../instruments/PricingResult.js';
export type { Greeks, PricingResults } from '../instruments/PricingResults.js';
export { OptionType } from '../instruments/OptionType.js';
export { Payoff } from '../instruments/payoffs/Payoff.js';
export { StrikedTypePayoff } from '../instruments/payoffs/StrikedTypePayoff.js';
export { PlainVanillaPayoff } from '../instruments/payoffs/PlainVanillaPayoff.js';
export { CashOrNothingPayoff } from '../instruments/payoffs/CashOrNothingPayoff.js';
export { AssetOrNothingPayoff } from '../instruments/payoffs/AssetOrNothingPayoff.js';
export { GapPayoff } from '../instruments/payoffs/GapPayoff.js';
export { Exercise } from '../instruments/exercises/Exercise.js';
export { ExerciseType } from '../instruments/exercises/ExerciseType.js';
export { EuropeanExercise } from '../instruments/exercises/EuropeanExercise.js';
export { AmericanExercise } from '../instruments/exercises/AmericanExercise.js';
export { BermudanExercise } from '../instruments/exercises/BermudanExercise.js';
export { OneAssetOption, type OneAssetOptionTerms } from '../instruments/OneAssetOption.js';
export { VanillaOption, type VanillaOptionArguments, type VanillaOptionTerms } from '../instruments/VanillaOption.js';
export { BarrierType } from '../instruments/BarrierType.js';
export { BarrierOption, type BarrierOptionArguments, type BarrierOptionTerms } from '../instruments/BarrierOption.js';
export { AverageType } from '../instruments/AverageType.js';
export { Position } from '../instruments/Position.js';
export { VarianceSwap, type VarianceSwapArguments, type VarianceSwapTerms } from '../instruments/VarianceSwap.js';
export {
  ContinuousAveragingAsianOption,
  type ContinuousAveragingAsianOptionArguments,
  type ContinuousAveragingAsianOptionTerms,
} from '../instruments/ContinuousAveragingAsianOption.js';
export {
  DiscreteAveragingAsianOption,
  type DiscreteAveragingAsianOptionArguments,
  type DiscreteAveragingAsianOptionTerms,
} from '../instruments/DiscreteAveragingAsianOption.js';

// Instruments: rates
export { SwapType } from '../instruments/SwapType.js';
export { Swap, type SwapArguments } from '../instruments/Swap.js';
export { VanillaSwap, type VanillaSwapTerms } from '../instruments/VanillaSwap.js';
export { OvernightIndexedSwap, type OvernightIndexedSwapOptions, type OvernightIndexedSwapTerms } from '../instruments/OvernightIndexedSwap.js';
export { Bond, type BondArguments, type BondTerms } from '../instruments/Bond.js';
export { ZeroCouponBond, type ZeroCouponBondTerms } from '../instruments/ZeroCouponBond.js';
export { FixedRateBond, type FixedRateBondOptions, type FixedRateBondTerms } from '../instruments/FixedRateBond.js';
export { FloatingRateBond, type FloatingRateBondOptions, type FloatingRateBondTerms } from '../instruments/FloatingRateBond.js';
export { ForwardRateAgreement, type ForwardRateAgreementArguments, type ForwardRateAgreementTerms } from '../instruments/ForwardRateAgreement.js';

// Engines
export { PricingEngine } from '../engines/PricingEngine.js';

// Engines: discounting
export { DiscountingSwapEngine } from '../engines/discounting/DiscountingSwapEngine.js';
export { DiscountingBondEngine } from '../engines/discounting/DiscountingBondEngine.js';
export { DiscountingFraEngine } from '../engines/discounting/DiscountingFraEngine.js';
export { BlackCalculator } from '../engines/blackscholes/BlackCalculator.js';
export { AnalyticEuropeanEngine } from '../engines/blackscholes/AnalyticEuropeanEngine.js';
export { AnalyticDigitalAmericanEngine } from '../engines/blackscholes/AnalyticDigitalAmericanEngine.js';
export { AnalyticBarrierEngine } from '../engines/blackscholes/AnalyticBarrierEngine.js';
export { AnalyticContinuousGeometricAveragePriceAsianEngine } from '../engines/blackscholes/AnalyticContinuousGeometricAveragePriceAsianEngine.js';
export { AnalyticDiscreteGeometricAveragePriceAsianEngine } from '../engines/blackscholes/AnalyticDiscreteGeometricAveragePriceAsianEngine.js';
export { BaroneAdesiWhaleyApproximationEngine } from '../engines/blackscholes/BaroneAdesiWhaleyApproximationEngine.js';
export { BjerksundStenslandApproximationEngine } from '../engines/blackscholes/BjerksundStenslandApproximationEngine.js';
export { BinomialVanillaEngine } from '../engines/blackscholes/BinomialVanillaEngine.js';
export { FdBlackScholesVanillaEngine, type FdBlackScholesVanillaEngineOptions } from '../engines/blackscholes/FdBlackScholesVanillaEngine.js';
export { FdBlackScholesBarrierEngine, type FdBlackScholesBarrierEngineOptions } from '../engines/blackscholes/FdBlackScholesBarrierEngine.js';
export { McEuropeanEngine } from '../engines/blackscholes/McEuropeanEngine.js';
export { McBarrierEngine } from '../engines/blackscholes/McBarrierEngine.js';
export { McDiscreteArithmeticAsianEngine, type McDiscreteArithmeticAsianEngineOptions } from '../engines/blackscholes/McDiscreteArithmeticAsianEngine.js';
export { McAmericanEngine, type McAmericanEngineOptions } from '../engines/blackscholes/McAmericanEngine.js';
export { ReplicatingVarianceSwapEngine, type ReplicatingVarianceSwapEngineOptions } from '../engines/blackscholes/ReplicatingVarianceSwapEngine.js';
export {
  cboeVolatilityIndex,
  type CboeOptionQuote,
  type CboeVolatilityIndexOptions,
  type CboeVolatilityIndexResult,
  type CboeVolatilityIndexTerm,
  type CboeVolatilityIndexTermResult,
} from '../engines/blackscholes/cboeVolatilityIndex.js';

// Engines: trees
export { BinomialTree, type BinomialTreeParameters, type BinomialTreeType } from '../engines/trees/BinomialTree.js';
export { CoxRossRubinstein } from '../engines/trees/CoxRossRubinstein.js';
export { JarrowRudd } from '../engines/trees/JarrowRudd.js';
export { Tian } from '../engines/trees/Tian.js';
export { LeisenReimer } from '../engines/trees/LeisenReimer.js';

// Engines: finite differences
export {
  FdBlackScholesSolver,
  type FdBlackScholesProblem,
  type FdBlackScholesSolution,
  type FdEarlyExercise,
  type FdScheme,
  type FdStepCoefficients,
} from '../engines/finitedifferences/FdBlackScholesSolver.js';
export { concentratedGrid } from '../engines/finitedifferences/concentratedGrid.js';
export { solveTridiagonal } from '../engines/finitedifferences/solveTridiagonal.js';
export { brennanSchwartz } from '../engines/finitedifferences/brennanSchwartz.js';
export { psor } from '../engines/finitedifferences/psor.js';

// Engines: Monte Carlo
export { Philox4x32 } from '../engines/montecarlo/Philox4x32.js';
export { MersenneTwister } from '../engines/montecarlo/MersenneTwister.js';
export { SobolSequence, type SobolSequenceOptions } from '../engines/montecarlo/SobolSequence.js';
export { BrownianBridge } from '../engines/montecarlo/BrownianBridge.js';
export { inverseNormalCdf } from '../engines/montecarlo/inverseNormalCdf.js';
export { RunningStatistics } from '../engines/montecarlo/RunningStatistics.js';
export { LongstaffSchwartz, type LongstaffSchwartzSpec } from '../engines/montecarlo/LongstaffSchwartz.js';
export type { McEngineOptions, McRng } from '../engines/montecarlo/McEngineOptions.js';

// Engines: Black and Bachelier formulas, Greeks, implied volatility
export { blackFormula } from '../engines/blackscholes/formulas/blackFormula.js';
export { blackFormulaForwardDerivative } from '../engines/blackscholes/formulas/blackFormulaForwardDerivative.js';
export { blackFormulaStdDevDerivative } from '../engines/blackscholes/formulas/blackFormulaStdDevDerivative.js';
export { blackFormulaStdDevSecondDerivative } from '../engines/blackscholes/formulas/blackFormulaStdDevSecondDerivative.js';
export { blackFormulaVolDerivative } from '../engines/blackscholes/formulas/blackFormulaVolDerivative.js';
export { blackFormulaImpliedStdDev } from '../engines/blackscholes/formulas/blackFormulaImpliedStdDev.js';
export { impliedBlackVolatility } from '../engines/blackscholes/formulas/impliedBlackVolatility.js';
export { vanillaOptionImpliedVolatility } from '../engines/blackscholes/formulas/vanillaOptionImpliedVolatility.js';
export { bachelierBlackFormula } from '../engines/blackscholes/formulas/bachelierBlackFormula.js';
export { bachelierBlackFormulaForwardDerivative } from '../engines/blackscholes/formulas/bachelierBlackFormulaForwardDerivative.js';
export { bachelierBlackFormulaStdDevDerivative } from '../engines/blackscholes/formulas/bachelierBlackFormulaStdDevDerivative.js';
export { bachelierBlackFormulaImpliedVol } from '../engines/blackscholes/formulas/bachelierBlackFormulaImpliedVol.js';
export { blackScholesVanna } from '../engines/blackscholes/formulas/blackScholesVanna.js';
export { blackScholesVolga } from '../engines/blackscholes/formulas/blackScholesVolga.js';
export { blackScholesCharm } from '../engines/blackscholes/formulas/blackScholesCharm.js';
export { blackScholesSpeed } from '../engines/blackscholes/formulas/blackScholesSpeed.js';
export { perOnePercent } from '../engines/blackscholes/formulas/perOnePercent.js';
export { perDay } from '../engines/blackscholes/formulas/perDay.js';

// Engines: Heston
export { hestonCharacteristicFunction } from '../engines/heston/hestonCharacteristicFunction.js';
export { batesCharacteristicFunction, type BatesJumps } from '../engines/heston/batesCharacteristicFunction.js';
export {
  carrMadanHestonCalls,
  type CarrMadanHestonInputs,
  type CarrMadanOptions,
  type CarrMadanHestonCalls,
} from '../engines/heston/carrMadanHeston.js';
export { AnalyticHestonEngine, type AnalyticHestonEngineOptions } from '../engines/heston/AnalyticHestonEngine.js';
export { CosHestonEngine } from '../engines/heston/CosHestonEngine.js';
export { AnalyticSabrEuropeanEngine } from '../engines/sabr/AnalyticSabrEuropeanEngine.js';
export { McHestonEngine, type McHestonEngineOptions } from '../engines/heston/McHestonEngine.js';
export {
  cosHestonBatch,
  type CosHestonBatchInputs,
  type CosHestonBatchOutputs,
  type CosHestonOptions,
} from '../engines/heston/cosHestonBatch.js';
export type { HestonCosBackend } from './kernels/heston.js';
export {
  calibrateHeston,
  type HestonCalibrationSlice,
  type HestonCalibrationOptions,
  type HestonCalibrationResult,
} from '../engines/heston/calibrateHeston.js';
export { HestonCalibratedModel, type HestonQuoteSlice } from '../engines/heston/HestonCalibratedModel.js';

// Rough Bergomi (issue 7) and the Hurst exponent of volatility
export { RoughBergomiModel } from './models/RoughBergomiModel.js';
export {
  roughBergomiSmile,
  roughBergomiVolterraPaths,
  type RoughBergomiMcOptions,
  type RoughBergomiSmile,
} from '../engines/roughbergomi/roughBergomiSmile.js';
export { McRoughBergomiEngine } from '../engines/roughbergomi/McRoughBergomiEngine.js';
export { variogramHurst, type VariogramHurstOptions, type HurstEstimate } from './timeseries/variogramHurst.js';
export { fractionalBrownianMotion } from './timeseries/fractionalBrownianMotion.js';
// Local-volatility Monte Carlo and arbitrage-free SABR (issue 5, branch lvmc)
export { McLocalVolEngine, type McLocalVolEngineOptions } from '../engines/localvol/McLocalVolEngine.js';
export { sabrArbitrageFreeDensity, type SabrArbitrageFreeDensity, type SabrPdeOptions } from '../engines/sabr/sabrArbitrageFreeDensity.js';
export type { SabrEuropeanEngineOptions } from '../engines/sabr/AnalyticSabrEuropeanEngine.js';
// Local volatility (issue 5): Dupire surface, Dupire grid, FD local-vol engines
export { LocalVolSurface, type LocalVolSurfaceOptions } from '../termstructures/volatility/LocalVolSurface.js';
export { localVolGrid } from '../termstructures/volatility/localVolGrid.js';
export type { BlackVarianceSurfaceOptions } from '../termstructures/volatility/BlackVarianceSurface.js';
export { FdLocalVolVanillaEngine, type FdLocalVolVanillaEngineOptions } from '../engines/localvol/FdLocalVolVanillaEngine.js';
export { FdLocalVolBarrierEngine, type FdLocalVolBarrierEngineOptions } from '../engines/localvol/FdLocalVolBarrierEngine.js';
// Engines: LIBOR / forward market model
export { AbcdFunction } from '../engines/lmm/AbcdFunction.js';
export { forwardCorrelation, type ForwardCorrelationForm } from '../engines/lmm/forwardCorrelation.js';
export { reduceFactors, type FactorReduction } from '../engines/lmm/reduceFactors.js';
export { LiborMarketModel, type LiborMarketModelSpec } from '../engines/lmm/LiborMarketModel.js';
export {
  calibrateLiborMarketModel,
  type LmmCapletQuote,
  type LmmSwaptionQuote,
  type LmmCalibrationOptions,
  type LmmCalibrationResult,
} from '../engines/lmm/calibrateLiborMarketModel.js';
export {
  simulateLiborMarketModel,
  type LmmSimulationOptions,
  type LmmPath,
  type LmmSimulationResult,
} from '../engines/lmm/simulateLiborMarketModel.js';
export {
  mcLmmBermudanSwaption,
  type LmmBermudanSwaptionTerms,
  type LmmBermudanOptions,
  type LmmBermudanResult,
  type LmmUpperBoundOptions, // Andersen–Broadie upper bound (lmmab)
  type LmmUpperBoundResult,
} from '../engines/lmm/mcLmmBermudanSwaption.js';
export { LmmCalibratedModel, type LmmLiveCapletQuote, type LmmLiveSwaptionQuote } from '../engines/lmm/LmmCalibratedModel.js';
export { mcLmmCapFloor, type LmmCapFloorTerms, type LmmCapFloorResult } from '../engines/lmm/mcLmmCapFloor.js';
// Hull–White: model, swaptions, caps/floors, analytic and market engines, calibration (issue 8)
export { HullWhite } from './models/HullWhite.js';
export { SettlementType } from '../instruments/SettlementType.js';
export {
  Swaption,
  type SwaptionTerms,
  type SwaptionArguments,
  type SwaptionFixedCoupon,
  type SwaptionFloatingCoupon,
} from '../instruments/Swaption.js';
export { CapFloorType } from '../instruments/CapFloorType.js';
export { CapFloor, type CapFloorTerms, type CapFloorArguments, type CapFloorOptionlet } from '../instruments/CapFloor.js';
export { JamshidianSwaptionEngine } from '../engines/hullwhite/JamshidianSwaptionEngine.js';
export { AnalyticCapFloorEngine } from '../engines/hullwhite/AnalyticCapFloorEngine.js';
export {
  calibrateHullWhite,
  type HullWhiteSwaptionQuote,
  type HullWhiteCalibrationOptions,
  type HullWhiteCalibrationResult,
} from '../engines/hullwhite/calibrateHullWhite.js';
export { HullWhiteCalibratedModel, type HullWhiteSwaptionVolQuote } from '../engines/hullwhite/HullWhiteCalibratedModel.js';
export { BlackSwaptionEngine, type BlackSwaptionEngineOptions } from '../engines/swaption/BlackSwaptionEngine.js';
export { BachelierSwaptionEngine } from '../engines/swaption/BachelierSwaptionEngine.js';
export { makeAtmSwaption, type AtmSwaptionSpec } from '../engines/swaption/makeAtmSwaption.js';
export { selectSwaptionMatrix, type SwaptionMatrixCell } from '../engines/swaption/selectSwaptionMatrix.js';
export { BlackCapFloorEngine } from '../engines/capfloor/BlackCapFloorEngine.js';
export { BachelierCapFloorEngine } from '../engines/capfloor/BachelierCapFloorEngine.js';
// Smiles and surfaces: SVI / SSVI / eSSVI surfaces without arbitrage (issue 5, branch ssvi)
export type { SsviPhi } from '../termstructures/volatility/ssvi/SsviPhi.js';
export type { SsviParameters } from '../termstructures/volatility/ssvi/SsviParameters.js';
export type { EssviParameters } from '../termstructures/volatility/ssvi/EssviParameters.js';
export type { VolSurfaceArbitrageDiagnostics } from '../termstructures/volatility/ssvi/VolSurfaceArbitrageDiagnostics.js';
export type { VolSurfaceFitQuality, VolSurfaceSliceFit } from '../termstructures/volatility/ssvi/VolSurfaceFitQuality.js';
export type { VolSurfaceFitOptions } from '../termstructures/volatility/ssvi/VolSurfaceFitOptions.js';
export type { VolSurfaceSliceQuotes } from '../termstructures/volatility/ssvi/VolSurfaceSliceQuotes.js';
export { SsviSurface } from '../termstructures/volatility/ssvi/SsviSurface.js';
export { EssviSurface } from '../termstructures/volatility/ssvi/EssviSurface.js';
export { fitSsviSurface, type SsviFitOptions, type SsviSurfaceFit } from '../termstructures/volatility/ssvi/fitSsviSurface.js';
export { fitEssviSurface, type EssviSurfaceFit } from '../termstructures/volatility/ssvi/fitEssviSurface.js';
export { SsviFittedSurface } from '../termstructures/volatility/ssvi/SsviFittedSurface.js';
export { EssviFittedSurface } from '../termstructures/volatility/ssvi/EssviFittedSurface.js';
export type { SviSurfaceSlice } from '../termstructures/volatility/svi/SviSurfaceSlice.js';
export { SviSurface } from '../termstructures/volatility/svi/SviSurface.js';
export { fitSviSurface, type SviSurfaceFit } from '../termstructures/volatility/svi/fitSviSurface.js';
export { SviFittedSurface } from '../termstructures/volatility/svi/SviFittedSurface.js';

// Hull–White numerics: trinomial tree, FD and exact Monte Carlo; callable bonds (issue 8, hwnum)
export { HullWhiteTrinomialTree } from './math/lattices/HullWhiteTrinomialTree.js';
export { timeGridWithMandatoryTimes } from './math/lattices/timeGridWithMandatoryTimes.js';
export { TreeSwaptionEngine } from '../engines/hullwhite/tree/TreeSwaptionEngine.js';
export { TreeCallableFixedRateBondEngine } from '../engines/hullwhite/tree/TreeCallableFixedRateBondEngine.js';
export { FdHullWhiteSwaptionEngine } from '../engines/hullwhite/fd/FdHullWhiteSwaptionEngine.js';
export { FdHullWhiteCallableFixedRateBondEngine } from '../engines/hullwhite/fd/FdHullWhiteCallableFixedRateBondEngine.js';
export type { FdHullWhiteGridOptions } from '../engines/hullwhite/fd/FdHullWhiteGridOptions.js';
export { HullWhitePathGenerator } from '../engines/hullwhite/mc/HullWhitePathGenerator.js';
export { McHullWhiteSwaptionEngine, type McHullWhiteSwaptionOptions } from '../engines/hullwhite/mc/McHullWhiteSwaptionEngine.js';
export {
  CallableFixedRateBond,
  isCallableBondArguments,
  type Callability,
  type CallableBondArguments,
} from '../instruments/CallableFixedRateBond.js';
// Engines: rough Heston — Padé route and Markovian lift (issue 7, rhlift)
export { liftKernel, liftKernelL2Error, type LiftKernel } from '../engines/roughheston/liftKernel.js';
export { liftedHestonLogCf, type LiftedHestonOptions } from '../engines/roughheston/liftedHestonLogCf.js';
export {
  liftedHestonMcCalls,
  type LiftedHestonMcInputs,
  type LiftedHestonMcOptions,
  type LiftedHestonMcResults,
} from '../engines/roughheston/liftedHestonMcCalls.js';
export { padeRoughHestonLogCf, type PadeRoughHestonOptions } from '../engines/roughheston/padeRoughHestonLogCf.js';

// Rough Heston and fractional solvers (issue 7, Adams route)
export { mittagLeffler, mittagLefflerComplex } from './math/special/mittagLeffler.js';
export { adamsWeights, type AdamsWeights } from './math/fractional/adamsWeights.js';
export {
  solveFractionalRiccati,
  type FractionalRiccatiProblem,
  type FractionalRiccatiOptions,
  type FractionalRiccatiSolution,
} from './math/fractional/solveFractionalRiccati.js';
export { solveVolterra, type VolterraProblem, type VolterraSolution } from './math/fractional/solveVolterra.js';
export type { RiccatiBackend } from './kernels/riccati.js';
export { RoughHestonModel } from './models/RoughHestonModel.js';
export type { RoughHestonLogCf } from '../engines/roughheston/RoughHestonLogCf.js';
export { adamsRoughHestonLogCf, type AdamsRoughHestonOptions } from '../engines/roughheston/adamsRoughHestonLogCf.js';
export {
  cosRoughHestonBatch,
  type RoughHestonBatchInputs,
  type RoughHestonBatchOutputs,
  type RoughHestonFourierOptions,
} from '../engines/roughheston/cosRoughHestonBatch.js';
export { RoughHestonEngine } from '../engines/roughheston/RoughHestonEngine.js';
export { lewisRoughHestonBatch } from '../engines/roughheston/lewisRoughHestonBatch.js';
export { calibrateRoughHeston, type RoughHestonCalibrationResult } from '../engines/roughheston/calibrateRoughHeston.js';

// Rough Heston forward-variance curve ξ0(t) (issue 7, xi0)
export { roughHestonForwardVariance, type ForwardVarianceCurve } from './models/roughHestonForwardVariance.js';
export type { RoughHestonModelOptions } from './models/RoughHestonModel.js';
export { piecewiseFlatForwardVariance } from './models/piecewiseFlatForwardVariance.js';
