-- Requests spread over many paths (one per line of the file BENCH_PATHS names), each thread
-- starting at another one; POSTs send BENCH_BODY.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  paths[#paths + 1] = line
end
local body = os.getenv("BENCH_BODY")
if body then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = body
end

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, paths[(counter * 7 + id * 13) % #paths + 1])
end
