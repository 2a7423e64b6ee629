-- A token may carry an end of validity: refused after it, as a revoked one is. NULL: no end.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;
