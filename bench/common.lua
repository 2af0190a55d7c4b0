-- Shared by the wrk scripts of bench/run.sh (lookup.lua, search.lua, view.lua).
--   * reads a sample file (one value per line) into a table, in every wrk thread;
--   * gives each thread its own random sequence;
--   * prints, when wrk is done, one line that run.sh parses:
--       BENCH_RESULT requests=.. duration_s=.. rps=.. p50_ms=.. p90_ms=.. p95_ms=.. p99_ms=.. max_ms=..
--                    non2xx=.. connect_errors=.. read_errors=.. write_errors=.. timeouts=..
--     and, when some answers were not 200, which ones and the start of the first such answer:
--       BENCH_STATUS 404=12 500=1
--       BENCH_FIRST_ERROR 404 {"type": ...
-- Settings come from the environment (run.sh exports them): BENCH_SAMPLE_FILE, and for the API scripts
-- BENCH_TOKEN, BENCH_CLIENT_ID, BENCH_ORG_ID, BENCH_SANDBOX; for view.lua BENCH_COOKIE.
local M = {}

-- Every line of a file, without empty ones; stops wrk with a message when the file is missing or empty.
function M.lines(path)
  local items = {}
  local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in file:lines() do
    if line ~= "" then
      items[#items + 1] = line
    end
  end
  file:close()
  assert(#items > 0, "no lines in " .. path)
  return items
end

-- Percent-encodes everything but RFC 3986's unreserved characters (works byte by byte, so UTF-8 is fine).
function M.urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

-- The headers of every platform API call.
function M.api_headers()
  wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("BENCH_TOKEN"), "BENCH_TOKEN is not set")
  wrk.headers["x-api-key"] = assert(os.getenv("BENCH_CLIENT_ID"), "BENCH_CLIENT_ID is not set")
  wrk.headers["x-gw-ims-org-id"] = assert(os.getenv("BENCH_ORG_ID"), "BENCH_ORG_ID is not set")
  wrk.headers["x-sandbox-name"] = assert(os.getenv("BENCH_SANDBOX"), "BENCH_SANDBOX is not set")
  wrk.headers["Accept"] = "application/json"
end

-- setup(thread) runs once per thread in the main Lua state: give each thread a seed of its own, and keep the
-- threads so that done() can collect what each one counted.
local threads = {}
function M.setup(thread)
  threads[#threads + 1] = thread
  thread:set("bench_seed", os.time() * 1000 + #threads)
end

-- response() runs in each thread for every answer: count those that are not 200, keep the first one's start.
bench_statuses = {}
bench_first_error = ""
function M.response(status, headers, body)
  if status ~= 200 then
    bench_statuses[status] = (bench_statuses[status] or 0) + 1
    if bench_first_error == "" then
      -- of an HTML page, only the text of its <main>
      local text = tostring(body or "")
      local main = text:find("<main")
      if main then text = text:sub(main):gsub("<[^>]*>", " ") end
      bench_first_error = status .. " " .. string.sub(text:gsub("%s+", " "), 1, 300)
    end
  end
end

-- init() runs in each thread's own Lua state.
function M.init()
  math.randomseed(bench_seed or os.time())
  return M.lines(os.getenv("BENCH_SAMPLE_FILE"))
end

function M.pick(items)
  return items[math.random(#items)]
end

-- done(summary, latency, requests) runs once in the main state; latency is in microseconds.
function M.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local function ms(p) return latency:percentile(p) / 1000 end
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f "
      .. "max_ms=%.2f mean_ms=%.2f non2xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, seconds, summary.requests / seconds, ms(50), ms(90), ms(95), ms(99),
    latency.max / 1000, latency.mean / 1000, e.status, e.connect, e.read, e.write, e.timeout))
  local statuses, first = {}, ""
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("bench_statuses") or {}) do
      statuses[status] = (statuses[status] or 0) + count
    end
    if first == "" then first = thread:get("bench_first_error") or "" end
  end
  local parts = {}
  for status, count in pairs(statuses) do parts[#parts + 1] = status .. "=" .. count end
  if #parts > 0 then
    table.sort(parts)
    io.write("BENCH_STATUS " .. table.concat(parts, " ") .. "\n")
    io.write("BENCH_FIRST_ERROR " .. first .. "\n")
  end
end

return M
