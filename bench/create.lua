-- POST a connection request with 3 integrations; every request names another organization,
-- so none is refused as a duplicate of a pending one.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local prefix = os.getenv("BENCH_PREFIX") or "Bench"
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format([[{"organization_name": "%s %d-%d", "primary_contact_name": "Pat Bench",
    "primary_contact_email": "pat@bench.example", "integrations": [
      {"type": "items", "update_frequency": "30 6,12 * * *", "file_locations": "sftp://feeds:pw@ftp.example/items.csv"},
      {"type": "orders", "update_frequency": "33 * * * *", "file_specs": "Pipe-delimited"},
      {"type": "tracking", "update_frequency": "@hourly", "rules": "Every shipment"}]}]], prefix, id, counter)
  return wrk.format(nil, nil, nil, body)
end
