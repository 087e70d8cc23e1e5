import FuzzSupport

runLibFuzzer(fuzzPathExpression)
