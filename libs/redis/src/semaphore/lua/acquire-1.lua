--[[
  Takes a slot of a channel pool for one lease, or reports the pool full.

  A pool is one sorted set: member = lease id (the call attempt id), score = the lease's expiry in
  milliseconds of Redis server time. A lease that is never released (crashed worker, lost
  callback) stops counting once its expiry passes, so the pool cannot leak.

    Input:
      KEYS[1] pool sorted set

      ARGV[1] lease id
      ARGV[2] limit   (concurrent leases allowed in the pool, integer >= 0)
      ARGV[3] ttl ms  (lease lifetime from now, integer > 0)

    Output:
      {1, inUse}                        acquired (or re-acquired: the lease id already held a slot,
                                        whose expiry is moved to now + ttl if that is later, and no
                                        second slot is taken)
      {0, inUse, msUntilEarliestExpiry} pool full; the third element is -1 when the pool holds no
                                        lease at all (a limit of 0)
]]
local key = KEYS[1]
local leaseId = ARGV[1]
local limit = tonumber(ARGV[2])
local ttlMs = tonumber(ARGV[3])

-- Before Redis 5 a script that reads TIME may only write if it replicates its effects; from 5 on
-- this is the default and the call is a no-op kept for compatibility.
if redis.replicate_commands then
  redis.replicate_commands()
end

-- Server time, not the caller's clock: workers on many machines must agree on what has expired.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expiresAt = now + ttlMs

redis.call('ZREMRANGEBYSCORE', key, '-inf', now)

-- The holder's own retry (an activity retried after a timeout) keeps its slot, even if the pool
-- is full or its limit was lowered meanwhile. The expiry only moves forward: a retry must not cut
-- short a lease the holder has renewed for longer.
local held = redis.call('ZSCORE', key, leaseId)
if held then
  if tonumber(held) < expiresAt then
    redis.call('ZADD', key, expiresAt, leaseId)
    redis.call('PEXPIREAT', key, tonumber(redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2]))
  end
  return {1, redis.call('ZCARD', key)}
end

local inUse = redis.call('ZCARD', key)
if inUse < limit then
  redis.call('ZADD', key, expiresAt, leaseId)
  -- The key dies with its last lease, so an abandoned pool leaves nothing behind.
  redis.call('PEXPIREAT', key, tonumber(redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2]))
  return {1, inUse + 1}
end

local earliest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
if earliest[2] then
  return {0, inUse, tonumber(earliest[2]) - now}
end
return {0, inUse, -1}
