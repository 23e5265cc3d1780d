--[[
  Takes tokens from one token bucket (an API key's request allowance), or says when enough will
  be there. The bucket holds at most `burst` tokens and gains `rate` tokens per second; a request
  costs one. It is one hash, {tokens, at}: the tokens left after the last take and when that was,
  in milliseconds of Redis server time, so every API process sharing the Redis draws from the same
  bucket whatever its own clock says. A missing bucket is a full one.

    Input:
      KEYS[1] the bucket (hash)

      ARGV[1] rate  (tokens gained per second, number > 0)
      ARGV[2] burst (bucket size, integer >= 1)
      ARGV[3] cost  (tokens to take, integer 0..burst; 0 only asks whether one token is there
                    and writes nothing)

    Output:
      {allowed, remaining, retryAfterMs, resetMs}
        allowed       1 when the tokens were taken (cost 0: when a token is there), else 0
        remaining     whole tokens left after this call
        retryAfterMs  0 when allowed, else the time until `max(cost, 1)` tokens are there (>= 1)
        resetMs       the time until the bucket is full again (0 when it is full)
]]
local key = KEYS[1]
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])

if redis.replicate_commands then
  redis.replicate_commands()
end

-- Server time: API processes on several machines must agree on the refill.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000

local tokens = burst
local state = redis.call('HMGET', key, 'tokens', 'at')
if state[1] and state[2] then
  local elapsed = math.max(0, now - tonumber(state[2]))
  tokens = math.min(burst, tonumber(state[1]) + elapsed * rate / 1000)
end

local wanted = math.max(cost, 1)
local allowed = 0
if tokens >= wanted then
  allowed = 1
  tokens = tokens - cost
end

local resetMs = math.ceil((burst - tokens) * 1000 / rate)
if allowed == 1 and cost > 0 then
  -- Numbers, not tostring(): Redis writes them with full precision, Lua's tostring keeps 14 digits.
  redis.call('HSET', key, 'tokens', tokens, 'at', now)
  -- A bucket left alone is full again after resetMs, which is what a missing key means: it may
  -- go then, so an idle key leaves nothing behind. (+1: PEXPIRE 0 would delete it at once.)
  redis.call('PEXPIRE', key, resetMs + 1)
end

local retryAfterMs = 0
if allowed == 0 then
  retryAfterMs = math.max(1, math.ceil((wanted - tokens) * 1000 / rate))
end
return {allowed, math.floor(tokens), retryAfterMs, resetMs}
