#!/usr/bin/env node
// The test command: formatter check (prettier, see .prettierignore), type-check and lint
// (house rules: layering, type-aware checks) side by side, then build (integration tests spawn the
// built CLI), then vitest. The browser run (`--project e2e`) only builds: the unit run checks
// types, format and lint of the same tree. SPLINTERNET_BUILT=1 says the caller has just built this
// tree with the same command (.ci/run does, to start ClickHouse), so the build is not run again.
// It prints a plain "N passed, N failed" closing line that CI and humans can grep, and
// exits with vitest's own exit code.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
const projects = args.includes('--project') ? [args[args.indexOf('--project') + 1]] : ['unit', 'integration', 'integration-timed'];
const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { stdio: 'inherit', shell: false });

/** Runs a command with its output held back, printed whole when it ends (so two can run at once). */
const quiet = (cmd, cmdArgs) =>
  new Promise((resolve) => {
    const p = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (status) => {
      process.stdout.write(out);
      resolve({ cmd, cmdArgs, status });
    });
  });

const fail = ({ cmd, cmdArgs, status }) => {
  console.log(`${cmd} ${cmdArgs.join(' ')} failed`);
  console.log('0 passed, 1 failed');
  process.exit(status ?? 1);
};

if (!projects.includes('e2e')) {
  // prettier works on one core: it runs beside the type-check and lint, so both cores are busy
  const checks = await Promise.all([
    quiet('npm', ['run', '-s', 'format:check']),
    quiet('npx', ['tsc', '--noEmit']),
    quiet('npx', ['eslint', 'src', 'test', 'bench', 'scripts', 'web/src']),
  ]);
  for (const c of checks) if (c.status !== 0) fail(c);
}
if (process.env.SPLINTERNET_BUILT !== '1') {
  const build = run('npm', ['run', '-s', 'build:cli']);
  if (build.status !== 0) fail({ cmd: 'npm', cmdArgs: ['run', 'build:cli'], status: build.status });
}
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const vitestArgs = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
const r = run('npx', vitestArgs);
let passed = 0;
let failed;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
} catch {
  failed = r.status === 0 ? 0 : 1;
}
if (r.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(r.status ?? 1);
