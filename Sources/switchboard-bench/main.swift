print("bench")
runUIBench()
