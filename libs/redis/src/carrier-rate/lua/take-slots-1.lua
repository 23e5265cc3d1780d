--[[
  Takes up to `wanted` call slots of one carrier account's rate limit, or says when the next frees.

  The limit is "at most `limit` calls started in any window of `windowMs` milliseconds" (a
  sliding-window log): a carrier's "N calls per second" is limit N, window 1000 ms; a fractional
  rate such as 0.5 per second is limit 1, window 2000 ms. The log is one sorted set: member = a
  unique slot id, score = when the slot was taken, in milliseconds of Redis server time, so every
  worker of every campaign sharing the account draws from the same log.

    Input:
      KEYS[1] the account's slot log (sorted set)

      ARGV[1] wanted    (slots asked for, integer >= 1)
      ARGV[2] limit     (slots per window, integer >= 1)
      ARGV[3] window ms (integer >= 1)
      ARGV[4] slot id prefix (unique per request; members are `<prefix>:<i>`)

    Output:
      {granted, retryAfterMs}  granted slots (0..wanted); retryAfterMs is 0 when all were granted,
                               else the time until the oldest slot in the window leaves it (at
                               least 1)
]]
local key = KEYS[1]
local wanted = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
local prefix = ARGV[4]

if redis.replicate_commands then
  redis.replicate_commands()
end

-- Server time: workers on several machines must agree on the window.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

-- Slots taken at or before now - window no longer count.
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - windowMs)

local used = redis.call('ZCARD', key)
local granted = math.max(0, math.min(wanted, limit - used))
for i = 1, granted do
  redis.call('ZADD', key, now, prefix .. ':' .. i)
end
-- The log dies a window after its last slot, so an idle account leaves nothing behind.
redis.call('PEXPIRE', key, windowMs + 1000)

if granted == wanted then
  return {granted, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
local retryAfter = windowMs
if oldest[2] then
  retryAfter = math.max(1, tonumber(oldest[2]) + windowMs - now)
end
return {granted, retryAfter}
