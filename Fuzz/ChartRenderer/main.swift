import FuzzSupport

runLibFuzzer(fuzzChartRenderer)
