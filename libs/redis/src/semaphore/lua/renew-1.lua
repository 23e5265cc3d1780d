--[[
  Extends a held lease (a heartbeat of a long call). Never creates one: a lease that is gone
  stays gone, so the holder learns that it lost its slot instead of silently exceeding the pool.

    Input:
      KEYS[1] pool sorted set

      ARGV[1] lease id
      ARGV[2] ttl ms (new lifetime from now, integer > 0)

    Output:
      1 the lease was live and now expires ttl ms from now
      0 no live lease under this id (never acquired, released, or expired)
]]
local key = KEYS[1]
local leaseId = ARGV[1]
local ttlMs = tonumber(ARGV[2])

-- See acquire-1.lua: scripts that read TIME must replicate effects before Redis 5.
if redis.replicate_commands then
  redis.replicate_commands()
end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

redis.call('ZREMRANGEBYSCORE', key, '-inf', now)

if not redis.call('ZSCORE', key, leaseId) then
  return 0
end

redis.call('ZADD', key, now + ttlMs, leaseId)
-- Keep the key alive as long as its longest lease (see acquire-1.lua).
redis.call('PEXPIREAT', key, tonumber(redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2]))
return 1
