import FuzzSupport

runLibFuzzer(fuzzJSONLoader)
