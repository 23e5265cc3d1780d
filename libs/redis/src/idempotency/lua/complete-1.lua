--[[
  Stores the answer of the attempt that holds an idempotency key, so that every later request
  with the key (and the same request) gets it back, until the record expires.

    Input:
      KEYS[1] the key's record (hash, see claim-1.lua)

      ARGV[1] token        the holding attempt's token (from the claim)
      ARGV[2] body hash    hex SHA-256 of the body bytes, read to their end
      ARGV[3] status       HTTP status code
      ARGV[4] headers      JSON object of the response headers to replay
      ARGV[5] response     the response body bytes
      ARGV[6] ttl ms       how long the answer is kept (24 h)

    Output:
      1  stored
      0  not stored: the attempt no longer holds the key (its claim expired, and the key was
         released or claimed again)
]]
local key = KEYS[1]
local record = redis.call('HMGET', key, 'state', 'token')
if record[1] ~= 'running' or record[2] ~= ARGV[1] then
  return 0
end
redis.call('HSET', key, 'state', 'done', 'body', ARGV[2], 'status', ARGV[3], 'headers', ARGV[4],
  'response', ARGV[5])
redis.call('HDEL', key, 'token')
redis.call('PEXPIRE', key, tonumber(ARGV[6]))
return 1
