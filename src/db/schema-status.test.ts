/** What doctor says of a schema check (SYNTHETIC checks: the shapes checkSchema returns). */
import { describe, expect, it } from 'vitest';
import type { SchemaCheck } from '../store/index.js';
import { schemaStatus } from './schema-status.js';

const whole: SchemaCheck = {
  tables: ['events', 'schema_migrations'],
  schemaVersion: 123,
  codeSchemaVersion: 123,
  pending: 0,
  missingTables: [],
  missingColumns: [],
  ahead: [],
};

describe('schemaStatus (SYNTHETIC checks)', () => {
  it('whole and current: ok with the version', () => {
    expect(schemaStatus('/x.duckdb', whole)).toEqual({ ok: true, pending: false, detail: '/x.duckdb, schema version 123' });
  });
  it('older: ok, the pending migrations named with the command, nothing changed', () => {
    const s = schemaStatus('/x.duckdb', { ...whole, schemaVersion: 122, pending: 1 });
    expect(s).toMatchObject({ ok: true, pending: true });
    expect(s.detail).toContain('schema version 122, 1 migration pending (to 123): `splinternet db migrate`');
  });
  it('missing tables and columns: a failure naming each and the way out', () => {
    const s = schemaStatus('/x.duckdb', { ...whole, missingTables: ['signal_points'], missingColumns: ['api_tokens.scopes'] });
    expect(s.ok).toBe(false);
    expect(s.detail).toMatch(/missing table signal_points; missing column api_tokens\.scopes \(against schema version 123\).*db restore BACKUP/);
  });
  it('newer than the code: a failure naming both versions', () => {
    expect(schemaStatus('/x.duckdb', { ...whole, schemaVersion: 200 }).detail).toMatch(/schema version 200, newer than this code's 123/);
  });
});
