#!/usr/bin/env node
// CPU time by process, for finding where a test run's CPU goes (docs/design/096-test-run.md).
// As a preload, every node process appends its cumulative CPU and argv to $CPULOG every 3 s and
// at exit (so processes killed later still count up to their last record):
//   CPULOG=/tmp/cpu.jsonl NODE_OPTIONS="--import $PWD/scripts/cpu-by-process.mjs" npx vitest run --project unit --project integration
// Run directly, it sums the log by kind of process (vitest worker, each CLI command):
//   node scripts/cpu-by-process.mjs /tmp/cpu.jsonl
import { appendFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const direct = process.argv[1] === fileURLToPath(import.meta.url);

if (!direct && process.env.CPULOG) {
  const log = process.env.CPULOG;
  const argv = process.argv.slice(1).join(' ').slice(0, 300);
  const write = () => {
    const u = process.resourceUsage();
    appendFileSync(log, JSON.stringify({ pid: process.pid, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, argv }) + '\n');
  };
  setInterval(write, 3000).unref();
  process.on('exit', write);
}

if (direct) {
  const last = new Map();
  for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    if ((last.get(r.pid)?.cpu ?? -1) <= r.cpu) last.set(r.pid, r);
  }
  const kinds = new Map();
  for (const { argv, cpu } of last.values()) {
    const cli = /bin\.js (\S+)( [a-z][\w-]*)?/.exec(argv);
    const kind = cli
      ? `cli ${cli[1]}${cli[2] ?? ''}`
      : argv.includes('forks.js')
        ? 'vitest worker'
        : argv.includes('vitest')
          ? 'vitest main'
          : argv.slice(0, 60);
    const k = kinds.get(kind) ?? { n: 0, cpu: 0 };
    kinds.set(kind, { n: k.n + 1, cpu: k.cpu + cpu });
  }
  const total = [...last.values()].reduce((s, r) => s + r.cpu, 0);
  console.log(`${last.size} processes, ${total.toFixed(0)} s of CPU`);
  for (const [kind, { n, cpu }] of [...kinds].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 25))
    console.log(`${cpu.toFixed(1).padStart(8)} s ${String(n).padStart(4)}x  ${kind}`);
}
