--[[
  Lists the live leases of a pool with the time each has left, to find which call attempts hold
  the slots when a pool looks stuck. Expired leases are purged first.

    Input:
      KEYS[1] pool sorted set

    Output:
      {leaseId1, msLeft1, leaseId2, msLeft2, ...} soonest expiry first
]]
local key = KEYS[1]

-- See acquire-1.lua: scripts that read TIME must replicate effects before Redis 5.
if redis.replicate_commands then
  redis.replicate_commands()
end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

redis.call('ZREMRANGEBYSCORE', key, '-inf', now)

local entries = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
local out = {}
for i = 1, #entries, 2 do
  out[#out + 1] = entries[i]
  out[#out + 1] = tonumber(entries[i + 1]) - now
end
return out
