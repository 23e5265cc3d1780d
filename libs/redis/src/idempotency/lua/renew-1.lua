--[[
  Extends the claim of the attempt that holds an idempotency key (a heartbeat while its handler
  runs, so that a long import keeps the key and a dead API process does not).

    Input:
      KEYS[1] the key's record (hash, see claim-1.lua)

      ARGV[1] token        the holding attempt's token (from the claim)
      ARGV[2] lock ttl ms  the claim's new time to live

    Output:
      1  renewed
      0  the attempt no longer holds the key
]]
local record = redis.call('HMGET', KEYS[1], 'state', 'token')
if record[1] ~= 'running' or record[2] ~= ARGV[1] then
  return 0
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
