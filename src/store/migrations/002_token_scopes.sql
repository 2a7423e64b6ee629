-- Token scopes and an audit of who created and revoked each token.
-- Tokens minted before scopes existed were meant for ledger writes: they keep `write` only
-- (least privilege); an admin re-issues any that need more.
ALTER TABLE api_tokens ADD COLUMN scopes VARCHAR DEFAULT 'write';
ALTER TABLE api_tokens ADD COLUMN created_by VARCHAR DEFAULT 'unknown';
ALTER TABLE api_tokens ADD COLUMN revoked_by VARCHAR;
