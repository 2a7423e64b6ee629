#!/usr/bin/env node
// The test command: formatter check (prettier, see .prettierignore), type-check, lint (house
// rules: layering, type-aware checks), build
// (integration tests spawn the built CLI), then vitest.
// It prints a plain "N passed, N failed" closing line that CI and humans can grep, and
// exits with vitest's own exit code.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
const projects = args.includes('--project') ? [args[args.indexOf('--project') + 1]] : ['unit', 'integration'];
const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { stdio: 'inherit', shell: false });

const lint = projects.includes('e2e') ? [] : [['npx', ['eslint', 'src', 'test', 'bench', 'scripts', 'web/src']]];
const format = projects.includes('e2e') ? [] : [['npm', ['run', '-s', 'format:check']]];
for (const [cmd, cmdArgs] of [...format, ['npx', ['tsc', '--noEmit']], ...lint, ['npx', ['tsc', '-p', 'tsconfig.build.json']]]) {
  const r = run(cmd, cmdArgs);
  if (r.status !== 0) {
    console.log(`${cmd} ${cmdArgs[0]} failed`);
    console.log('0 passed, 1 failed');
    process.exit(r.status ?? 1);
  }
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
