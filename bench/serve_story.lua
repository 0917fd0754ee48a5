-- wrk script: GET /v1/stories/{id} for ids s1..sN picked at random (N from the STORIES
-- environment variable), so the story cache and the builds behind it are both exercised.
local stories = tonumber(os.getenv("STORIES") or "100")
math.randomseed(6)
request = function()
  return wrk.format("GET", "/v1/stories/s" .. math.random(1, stories))
end
