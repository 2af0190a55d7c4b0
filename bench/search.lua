-- wrk script: agent search, as the console's search-as-you-type asks it.
--   GET /data/core/ups/search/profiles?q={text}&limit=20
-- Texts are picked at random from BENCH_SAMPLE_FILE (made by run.sh: last names, first-name prefixes and
-- email prefixes of sampled people; UTF-8, percent-encoded here).
local bench = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
bench.api_headers()

local texts
setup = bench.setup
init = function() texts = bench.init() end
request = function()
  return wrk.format("GET", "/data/core/ups/search/profiles?limit=20&q=" .. bench.urlencode(bench.pick(texts)))
end
response = bench.response
done = bench.done
