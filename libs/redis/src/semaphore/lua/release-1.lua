--[[
  Gives back the slot held by one lease. Idempotent: only this lease id is removed, so releasing
  twice, or releasing a lease that already expired, can never free a slot someone else holds.

    Input:
      KEYS[1] pool sorted set

      ARGV[1] lease id

    Output:
      1 the lease was live and is now released
      0 nothing was held under this lease id (never acquired, already released, or expired)
]]
local key = KEYS[1]
local leaseId = ARGV[1]

-- See acquire-1.lua: scripts that read TIME must replicate effects before Redis 5.
if redis.replicate_commands then
  redis.replicate_commands()
end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

-- Purging first makes the answer honest: a lease that outlived its TTL was already not counted,
-- so its late release reports 0 and the holder can see its TTL was too short.
redis.call('ZREMRANGEBYSCORE', key, '-inf', now)

return redis.call('ZREM', key, leaseId)
