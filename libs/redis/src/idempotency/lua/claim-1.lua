--[[
  Claims an idempotency key for one request, or reports what became of the request that holds it.

  A key's record is one hash: `state` ("running" while an attempt holds the key, "done" once its
  answer is stored), `request` (method and path), `body` (hex SHA-256 of the body bytes, "" while
  a streamed upload is still being read), `token` (the holding attempt) and, once done, `status`,
  `headers` (JSON) and `response` (the body bytes the client got).

    Input:
      KEYS[1] the key's record (hash)

      ARGV[1] request      method and path with its params, e.g. "POST /api/campaigns/42/prospects"
      ARGV[2] body hash    hex SHA-256 of the body bytes, or "" when not known yet (a streamed
                           upload is hashed as the handler reads it)
      ARGV[3] token        unique per attempt: only its holder may complete, renew or release
      ARGV[4] lock ttl ms  how long the claim lives without a renewal, so that an API process that
                           dies while holding it frees the key by itself

    Output:
      {'claimed'}                                        the caller now holds the key and executes
      {'mismatch'}                                       the key belongs to a different request
                                                         (method/path, or body when both are known)
      {'running', bodyHash}                              another attempt holds it
      {'done', bodyHash, status, headers, response}      the stored answer
]]
local key = KEYS[1]
local request = ARGV[1]
local bodyHash = ARGV[2]

local record = redis.call('HMGET', key, 'state', 'request', 'body', 'status', 'headers', 'response')
local state = record[1]

if not state then
  redis.call('HSET', key, 'state', 'running', 'request', request, 'body', bodyHash, 'token', ARGV[3])
  redis.call('PEXPIRE', key, tonumber(ARGV[4]))
  return {'claimed'}
end

local storedBody = record[3] or ''
if record[2] ~= request or (bodyHash ~= '' and storedBody ~= '' and storedBody ~= bodyHash) then
  return {'mismatch'}
end
if state == 'done' then
  return {'done', storedBody, record[4], record[5], record[6]}
end
return {'running', storedBody}
