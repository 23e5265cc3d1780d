--[[
  Reports what became of the request that holds an idempotency key, claiming nothing (see
  claim-1.lua for the record's layout). A waiter whose own body has already been read cannot
  execute any more, so it only looks.

    Input:
      KEYS[1] the key's record (hash)

      ARGV[1] request      method and path with its params
      ARGV[2] body hash    hex SHA-256 of the body bytes, or "" when not known

    Output:
      {'free'}                                           nobody holds the key (released or expired)
      {'mismatch'}                                       the key belongs to a different request
      {'running', bodyHash}                              an attempt holds it
      {'done', bodyHash, status, headers, response}      the stored answer
]]
local record = redis.call('HMGET', KEYS[1], 'state', 'request', 'body', 'status', 'headers', 'response')
local state = record[1]
if not state then
  return {'free'}
end
local storedBody = record[3] or ''
if record[2] ~= ARGV[1] or (ARGV[2] ~= '' and storedBody ~= '' and storedBody ~= ARGV[2]) then
  return {'mismatch'}
end
if state == 'done' then
  return {'done', storedBody, record[4], record[5], record[6]}
end
return {'running', storedBody}
