--[[
  Reports how many call slots of one carrier account's rate limit are free now, taking none (see
  take-slots-1.lua for the log's layout). A dial tick asks first, so that it claims no more
  prospects than the carrier will take, instead of claiming them only to put them back.

    Input:
      KEYS[1] the account's slot log (sorted set)

      ARGV[1] limit     (slots per window, integer >= 1)
      ARGV[2] window ms (integer >= 1)

    Output:
      {free, retryAfterMs}  retryAfterMs is 0 when a slot is free, else the time until the oldest
                            slot in the window leaves it (at least 1)
]]
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

-- Read-only: entries past the window are not removed here, only not counted.
local used = redis.call('ZCOUNT', key, '(' .. (now - windowMs), '+inf')
local free = math.max(0, limit - used)
if free > 0 then
  return {free, 0}
end
local oldest = redis.call('ZRANGEBYSCORE', key, '(' .. (now - windowMs), '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
local retryAfter = windowMs
if oldest[2] then
  retryAfter = math.max(1, tonumber(oldest[2]) + windowMs - now)
end
return {free, retryAfter}
