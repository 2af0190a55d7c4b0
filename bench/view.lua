-- wrk script: the console's profile view page of a signed-in user.
--   GET /console/profiles/{xid}     with the session cookie of a console sign-in (BENCH_COOKIE)
-- XIDs are picked at random from BENCH_SAMPLE_FILE (run.sh takes them from the entities API's answers).
-- The page calls the platform over HTTP twice (the profile, then its latest events) and renders a template.
local bench = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.headers["Cookie"] = assert(os.getenv("BENCH_COOKIE"), "BENCH_COOKIE is not set")
wrk.headers["Accept"] = "text/html"

local xids
setup = bench.setup
init = function() xids = bench.init() end
request = function() return wrk.format("GET", "/console/profiles/" .. bench.urlencode(bench.pick(xids))) end
response = bench.response
done = bench.done
