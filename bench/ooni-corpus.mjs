// Seeded generator of a large OONI corpus from the 89 real measurements shipped in data/ooni,
// laid out like OONI's bucket: each real measurement sits in raw/YYYYMMDD/HH/CC/testname/ for
// the hour of its own measurement_start_time (so the wrong-date check passes as it does for
// real uploads), and the corpus is copies of them drawn uniformly, each written to its
// original's bucket file, so its verdict classes and test names keep the source's shares.
// A copy differs from its original only where verdicts cannot look: a new report_id (or, with
// no report_id, an annotation) so it is a distinct measurement, and a network (probe_asn,
// probe_network_name) taken from real measurements of the same country. Start times, inputs
// and test_keys are the original's. Writes `src/` (the 89 originals in that layout) and the
// corpus as `jsonl/` and `gz/` trees. Deterministic for a seed and size; reused when
// manifest.json matches.
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { createGzip, gunzipSync } from 'node:zlib';

const mulberry32 = (a) => () => {
  a = (a + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** The bucket file of a measurement: the hour of its start time, its country and test. */
export function bucketFile(m) {
  const t = m.measurement_start_time;
  const hour = `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}`;
  const cc = typeof m.probe_cc === 'string' && /^[A-Z]{2}$/.test(m.probe_cc) ? m.probe_cc : 'ZZ';
  const test = String(m.test_name).replace(/_/g, '');
  return `raw/${hour.slice(0, 8)}/${hour.slice(8, 10)}/${cc}/${test}/${hour}_${cc}_${test}.n0.0.jsonl`;
}

export async function buildCorpus({ root, dir, bytes, seed }) {
  const manifestPath = join(dir, 'manifest.json');
  const want = { seed, bytes, version: 2 };
  if (existsSync(manifestPath)) {
    const have = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(have.params) === JSON.stringify(want)) return have;
  }
  rmSync(dir, { recursive: true, force: true });
  const real = gunzipSync(readFileSync(join(root, 'data/ooni/measurements/ooni-real-measurements.jsonl.gz')))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const networksOf = new Map();
  for (const m of real) {
    if (typeof m.probe_cc !== 'string' || m.probe_cc === 'ZZ' || !m.probe_asn || m.probe_asn === 'AS0') continue;
    const list = networksOf.get(m.probe_cc) ?? [];
    list.push([m.probe_asn, m.probe_network_name ?? null]);
    networksOf.set(m.probe_cc, list);
  }
  // the source, as it would sit in the bucket
  const srcGroups = new Map();
  for (const m of real) {
    const f = bucketFile(m);
    srcGroups.set(f, [...(srcGroups.get(f) ?? []), JSON.stringify(m) + '\n']);
  }
  for (const [f, ls] of srcGroups) {
    mkdirSync(dirname(join(dir, 'src', f)), { recursive: true });
    writeFileSync(join(dir, 'src', f), ls.join(''));
  }

  // the corpus, streamed: one open .jsonl and .jsonl.gz per bucket file
  const rand = mulberry32(seed);
  const outs = new Map();
  const open = (f) => {
    let o = outs.get(f);
    if (!o) {
      for (const d of ['jsonl', 'gz']) mkdirSync(dirname(join(dir, d, f)), { recursive: true });
      const plain = createWriteStream(join(dir, 'jsonl', f));
      const gz = createGzip({ level: 6 });
      const gzOut = createWriteStream(join(dir, 'gz', `${f}.gz`));
      gz.pipe(gzOut);
      outs.set(f, (o = { plain, gz, gzOut }));
    }
    return o;
  };
  let lines = 0;
  let total = 0;
  while (total < bytes) {
    const orig = real[Math.floor(rand() * real.length)];
    const m = structuredClone(orig);
    if (m.report_id) m.report_id = `${m.report_id}_c${lines.toString(36)}`;
    else m.annotations = { ...(m.annotations ?? {}), bench_copy: lines.toString(36) };
    const nets = networksOf.get(m.probe_cc);
    if (nets && m.probe_asn !== 'AS0') {
      const [asn, name] = nets[Math.floor(rand() * nets.length)];
      m.probe_asn = asn;
      m.probe_network_name = name;
    }
    delete m.measurement_uid;
    const line = Buffer.from(JSON.stringify(m) + '\n');
    const o = open(bucketFile(orig));
    if (!o.plain.write(line)) await once(o.plain, 'drain');
    if (!o.gz.write(line)) await once(o.gz, 'drain');
    total += line.length;
    lines++;
  }
  for (const o of outs.values()) {
    o.plain.end();
    o.gz.end();
    await Promise.all([once(o.plain, 'close'), once(o.gzOut, 'close')]);
  }
  const manifest = {
    params: want,
    lines,
    bytes: total,
    files: outs.size,
    source: { lines: real.length, files: srcGroups.size },
    generated: new Date().toISOString(),
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}
