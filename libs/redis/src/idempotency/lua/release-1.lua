--[[
  Frees an idempotency key without storing an answer (a 5xx, a transient 4xx, a validation
  failure, an upload that was not read to its end): the next request with the key executes.

    Input:
      KEYS[1] the key's record (hash, see claim-1.lua)

      ARGV[1] token  the holding attempt's token (from the claim)

    Output:
      1  released
      0  nothing done: the attempt no longer holds the key
]]
local record = redis.call('HMGET', KEYS[1], 'state', 'token')
if record[1] ~= 'running' or record[2] ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
return 1
