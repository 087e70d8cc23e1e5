import FuzzSupport

runLibFuzzer(fuzzYAMLLoader)
