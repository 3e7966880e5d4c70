-- wrk script: searches as users type them, read from the file named by SEARCH_QUERIES (one
-- query a line, URL-escaped), sent in turn to the entity search and to autocomplete.
local queries = {}
for line in io.lines(os.getenv("SEARCH_QUERIES")) do
  queries[#queries + 1] = line
end
local i = 0
request = function()
  i = i + 1
  local q = queries[(i % #queries) + 1]
  if i % 2 == 0 then
    return wrk.format("GET", "/api/v1/entities?per_page=10&search=" .. q)
  end
  return wrk.format("GET", "/api/v1/autocomplete?q=" .. q)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests/s=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
