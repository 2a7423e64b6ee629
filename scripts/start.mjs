#!/usr/bin/env node
// `npm start`: seed the embedded database from the shipped data, then serve it.
// The seed exits 3 when some shipped rows are rejected (they are kept with reasons and
// listed); that is not a reason to refuse to start, so 0 and 3 both continue.
import { spawnSync, spawn } from 'node:child_process';

const bin = new URL('../dist/bundle/bin.js', import.meta.url).pathname;
const extra = process.argv.slice(2);
const seed = spawnSync(process.execPath, [bin, 'db', 'seed', ...extra], { stdio: 'inherit' });
if (seed.status !== 0 && seed.status !== 3) process.exit(seed.status ?? 1);
const server = spawn(process.execPath, [bin, 'serve', ...extra], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
