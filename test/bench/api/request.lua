-- wrk script: method, bodies and bearer token come from the environment. With several body files
-- (separated by ";") each connection sends them in turn, so a repeated save always changes rows.
local method = os.getenv("BENCH_METHOD") or "GET"
local token = os.getenv("BENCH_TOKEN")
local bodies = {}
for file in string.gmatch(os.getenv("BENCH_BODY_FILES") or "", "[^;]+") do
  local f = assert(io.open(file, "rb"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end

local headers = { ["Content-Type"] = "application/json" }
if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end

local prepared = {}
local turn = 0

function init(args)
  if #bodies == 0 then
    prepared[1] = wrk.format(method, nil, headers, nil)
  else
    for i, body in ipairs(bodies) do prepared[i] = wrk.format(method, nil, headers, body) end
  end
end

function request()
  turn = turn % #prepared + 1
  return prepared[turn]
end

function done(summary, latency, requests)
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"meanUs":%.1f,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.mean,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
