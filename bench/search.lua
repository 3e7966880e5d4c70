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
-- the RESULT line the bench scripts read (they run wrk from the repository's root)
dofile("bench/result.lua")
