-- wrk script: a read mix of search, entity profiles, graphs and filtered lists.
local paths = {
  "/api/v1/entities?search=cyber&per_page=10",
  "/api/v1/entities?search=hong%20kong&per_page=10",
  "/api/v1/entities?filter=type:organization&sort=-degree&per_page=20",
  "/api/v1/entities?group_by=category",
  "/api/v1/entities/hong-kong/graph?depth=1&limit=200",
  "/api/v1/autocomplete?q=sh",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
-- the RESULT line the bench scripts read (they run wrk from the repository's root)
dofile("bench/result.lua")
