--[[
  Counts the live leases of a pool, for monitoring. Expired leases are purged first, so the
  figure is what acquire would see.

    Input:
      KEYS[1] pool sorted set

    Output:
      number of live leases
]]
local key = KEYS[1]

-- See acquire-1.lua: scripts that read TIME must replicate effects before Redis 5.
if redis.replicate_commands then
  redis.replicate_commands()
end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

redis.call('ZREMRANGEBYSCORE', key, '-inf', now)

return redis.call('ZCARD', key)
