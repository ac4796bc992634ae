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

-- A save names the version of its rows: all rows share it, and each successful save moves it on by one
-- and makes the other body the one that changes them (wrk may build a request before sending it, so
-- the body follows the answers, not the calls).
local version = tonumber(os.getenv("BENCH_VERSION") or "")
local nextBody = tonumber(os.getenv("BENCH_FIRST_BODY") or "1")

function request()
  if version then return wrk.format(method, nil, headers, (string.gsub(bodies[nextBody], "__VERSION__", tostring(version)))) end
  turn = turn % #prepared + 1
  return prepared[turn]
end

-- Answers with GraphQL errors come with status 200: counted per thread (a global, so that done() can
-- read it through the thread objects kept by setup()), so a failing save is no fast save.
graphqlErrors = 0
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function response(status, headers, body)
  if string.find(body, '"errors"', 1, true) then
    graphqlErrors = graphqlErrors + 1
  elseif version and status == 200 then
    version = version + 1
    nextBody = nextBody % #bodies + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + (thread:get("graphqlErrors") or 0) end
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"meanUs":%.1f,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,"graphqlErrors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.mean,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout, failed))
end
