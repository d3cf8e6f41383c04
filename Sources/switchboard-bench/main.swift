runInsightBench()
