-- wrk script for GraphQL-over-HTTP POST load. One of:
--   BODY_FILE       one JSON request body, sent to the URL's path again and again;
--                   with REFERENCE_FILE (the exact bytes of a correct response) every response
--                   body is compared with it and differences are counted as mismatches; the
--                   first mismatching body of each wrk thread goes to MISMATCH_FILE.<thread>
--   REQUESTS_FILE   tab-separated lines "path<TAB>headers<TAB>body" sent round-robin, where
--                   headers is "name:value|name:value" (may be empty) and body is compact JSON
--                   (compact JSON never contains a raw tab or newline).
-- Every response is counted as non-200 or as carrying "errors" (substring of the body).
-- At the end it prints one line starting with "JSON " with the summary (latencies in µs).

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local function read_file(p)
  local f = assert(io.open(p, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local reqs, nreqs, idx = {}, 0, 0
local reference = nil
local mismatch_file = nil
local dumped = false

function init(args)
  errors, non200, mismatches, responses = 0, 0, 0, 0
  local tid = wrk.thread:get("tid")
  local list = os.getenv("REQUESTS_FILE")
  if list and list ~= "" then
    for line in io.lines(list) do
      local path, hdrs, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      if path then
        local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
        for name, value in hdrs:gmatch("([^:|]+):([^|]*)") do headers[name] = value end
        table.insert(reqs, wrk.format("POST", path, headers, body))
      end
    end
  else
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Accept"] = "application/json"
    wrk.body = read_file(assert(os.getenv("BODY_FILE"), "set BODY_FILE or REQUESTS_FILE"))
    table.insert(reqs, wrk.format())
    local ref = os.getenv("REFERENCE_FILE")
    if ref and ref ~= "" then reference = read_file(ref) end
    local mf = os.getenv("MISMATCH_FILE")
    if mf and mf ~= "" then mismatch_file = mf .. "." .. tid end
  end
  nreqs = #reqs
  assert(nreqs > 0, "no requests")
  idx = (tid or 1) - 1
end

function request()
  idx = idx + 1
  if idx > nreqs then idx = 1 end
  return reqs[idx]
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 then non200 = non200 + 1 end
  if body then
    if string.find(body, '"errors"', 1, true) then errors = errors + 1 end
    if reference and body ~= reference then
      mismatches = mismatches + 1
      if mismatch_file and not dumped then
        dumped = true
        local f = io.open(mismatch_file, "wb")
        if f then f:write(body) f:close() end
      end
    end
  end
end

function done(summary, latency, requests)
  local e, n, m, r = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    e = e + (t:get("errors") or 0)
    n = n + (t:get("non200") or 0)
    m = m + (t:get("mismatches") or 0)
    r = r + (t:get("responses") or 0)
  end
  local secs = summary.duration / 1e6
  io.write(string.format(
    'JSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"bytes":%d,"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"non200":%d,"graphql_errors":%d,"mismatches":%d,"responses_checked":%d,"reference":%s,"lat_us":{"mean":%.0f,"stdev":%.0f,"min":%d,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"p99_9":%d,"max":%d}}\n',
    summary.requests, secs, summary.requests / secs, summary.bytes,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    n, e, m, r, (os.getenv("REFERENCE_FILE") or "") ~= "" and "true" or "false",
    latency.mean, latency.stdev, latency.min,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency:percentile(99.9), latency.max))
end
