-- POST a new joblog entry; every request carries its own idempotency key, so each one
-- is a real new entry (the same key twice would be stored once).
local counter = 0
local thread_id = 0
local threads = {}

setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

init = function(args)
  thread_id = id
end

request = function()
  counter = counter + 1
  local key = string.format("bench-%s-%d-%08d", os.getenv("BENCH_RUN"), thread_id, counter)
  local body = "csrf_token=" .. os.getenv("BENCH_CSRF")
    .. "&idempotency_key=" .. key
    .. "&activity_on=" .. os.getenv("BENCH_TODAY")
    .. "&kind=" .. os.getenv("BENCH_KIND")
    .. "&employer=Bench+ApS&job_title=Lagermedarbejder&source=&status=" .. os.getenv("BENCH_STATUS")
    .. "&note="
  return wrk.format("POST", wrk.path, {
    ["Cookie"] = os.getenv("BENCH_COOKIE"),
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
