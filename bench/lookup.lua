-- wrk script: Adobe's entities API, one profile by email.
--   GET /data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId={email}&entityIdNS=email
-- Emails are picked at random from BENCH_SAMPLE_FILE (one email a line, made by run.sh from the generated data).
local bench = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
bench.api_headers()

local emails
local prefix = "/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityIdNS=email&entityId="

setup = bench.setup
init = function() emails = bench.init() end
request = function() return wrk.format("GET", prefix .. bench.urlencode(bench.pick(emails))) end
response = bench.response
done = bench.done
