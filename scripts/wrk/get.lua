-- GET wrk.path with the session cookie from the environment.
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE") or ""
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
