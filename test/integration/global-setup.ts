/**
 * Once per integration run, before any file: a folder for the ledger seeded from the shipped
 * data. The first file that needs a seeded ledger seeds it there (test/helpers/seeded.ts) and
 * every other file copies it, so a run seeds at most once and a run of files that need no
 * seeded ledger seeds nothing. The folder is removed when the run ends.
 * Both integration projects (the timed one runs last) are set up by this file in the same vitest
 * process, so the folder is named by that process: the timed files copy the ledger the other
 * files seeded instead of seeding their own.
 * With SPLINTERNET_TEST_SEEDED_DIR set (.ci/run sets it) that folder is used and kept: the
 * browser run that follows copies the same ledger (test/e2e/global-setup.ts).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertFreshBundle } from '../helpers/bin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the run's seeded ledger is made in (test/helpers/seeded.ts). */
    seededDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  assertFreshBundle();
  const kept = process.env.SPLINTERNET_TEST_SEEDED_DIR;
  const dir = kept || join(tmpdir(), `splinternet-seeded-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  project.provide('seededDir', dir);
  return () => {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  };
}
