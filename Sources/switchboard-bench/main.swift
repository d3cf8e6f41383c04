print("bench")
runFeedBench()
