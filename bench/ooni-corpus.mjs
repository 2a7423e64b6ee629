// Seeded generator of a large OONI corpus from the 89 real measurements shipped in data/ooni:
// each output line is a real measurement with a new report_id, another (probe_cc, probe_asn,
// probe_network_name) taken from the real ones, a start time spread over January 2024 and, for
// URL tests, an input from the real inputs. Writes the same lines as .jsonl and .jsonl.gz parts.
// Deterministic for a given seed and size; reused when bench/corpus/manifest.json matches.
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip, gunzipSync } from 'node:zlib';

const mulberry32 = (a) => () => {
  a = (a + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export async function buildCorpus({ root, dir, bytes, parts, seed }) {
  const manifestPath = join(dir, 'manifest.json');
  const want = { seed, bytes, parts, version: 1 };
  if (existsSync(manifestPath)) {
    const have = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(have.params) === JSON.stringify(want)) return have;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'jsonl'), { recursive: true });
  mkdirSync(join(dir, 'gz'), { recursive: true });
  const real = gunzipSync(readFileSync(join(root, 'data/ooni/measurements/ooni-real-measurements.jsonl.gz'))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  const networks = real.filter((m) => typeof m.probe_cc === 'string' && m.probe_cc !== 'ZZ').map((m) => [m.probe_cc, m.probe_asn, m.probe_network_name ?? null]);
  const inputs = real.filter((m) => m.test_name === 'web_connectivity' && typeof m.input === 'string').map((m) => m.input);
  const rand = mulberry32(seed);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const t0 = Date.UTC(2024, 0, 1);
  const perPart = Math.ceil(bytes / parts);
  let lines = 0;
  let total = 0;
  for (let p = 0; p < parts; p++) {
    const name = `2024010100_XX_mixed.n${p}.${'jsonl'}`;
    const plain = createWriteStream(join(dir, 'jsonl', name));
    const gz = createGzip({ level: 6 });
    const gzOut = createWriteStream(join(dir, 'gz', `${name}.gz`));
    gz.pipe(gzOut);
    let written = 0;
    while (written < perPart) {
      const m = structuredClone(pick(real));
      const [cc, asn, net] = pick(networks);
      const start = new Date(t0 + Math.floor(rand() * 31 * 86400) * 1000).toISOString().replace('T', ' ').slice(0, 19);
      m.report_id = `${start.replace(/[-: ]/g, '').slice(0, 8)}T000000Z_${m.test_name.replace(/_/g, '')}_${cc}_${String(asn).replace('AS', '')}_n1_${Math.floor(rand() * 2 ** 52).toString(36)}`;
      m.probe_cc = cc;
      m.probe_asn = asn;
      m.probe_network_name = net;
      m.measurement_start_time = start;
      delete m.measurement_uid;
      if (m.test_name === 'web_connectivity' && rand() < 0.5) m.input = pick(inputs);
      const line = Buffer.from(JSON.stringify(m) + '\n');
      written += line.length;
      lines++;
      if (!plain.write(line)) await once(plain, 'drain');
      if (!gz.write(line)) await once(gz, 'drain');
    }
    total += written;
    plain.end();
    gz.end();
    await Promise.all([once(plain, 'close'), once(gzOut, 'close')]);
  }
  const manifest = { params: want, lines, bytes: total, generated: new Date().toISOString() };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}
