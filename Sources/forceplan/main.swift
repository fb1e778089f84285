print("forceplan")
