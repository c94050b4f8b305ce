-- The receiver's own ceiling: POSTs of a 1 KB JSON body, as a webhook delivery would be.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["webhook-id"] = "ceiling"
wrk.body = '{"data": "' .. string.rep("x", 1010) .. '"}'
