/**
 * API tokens as stored: only the hash of a secret is kept.
 */
export interface TokenRecord {
  id: string;
  name: string;
  hash: string;
  /** What the token may do: read, write, import, admin (see shared/access.ts). */
  scopes: string[];
  createdAt: string;
  /** Who minted it: "cli:<user>", "token:<id>:<name>" or "cli-via-server". */
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
  /** After this instant the token is refused; null: no end. */
  expiresAt: string | null;
}

export interface TokenRepo {
  insert(t: TokenRecord): Promise<void>;
  get(id: string): Promise<TokenRecord | null>;
  list(): Promise<TokenRecord[]>;
  revoke(id: string, at: string, by: string): Promise<boolean>;
  /** Record use; does not change dataVersion() (cached responses stay valid). */
  touch(id: string, at: string): Promise<void>;
}
