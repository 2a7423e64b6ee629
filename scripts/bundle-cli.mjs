#!/usr/bin/env node
/**
 * The shipped CLI as three files: dist/bundle/bin.js (the `splinternet` executable) and the two
 * worker threads it starts (cost-worker.js, ingest-worker.js), each one esbuild bundle of what
 * `tsc -p tsconfig.build.json` wrote to dist/src. Run after that build (`npm run build:cli` does
 * both).
 *
 * Why: a command loaded about 500 modules from dist/src and node_modules, and Node 20 has no
 * compile cache, so every start read, parsed and linked them all again. One file starts with
 * 0.15 s (`--version`) to 0.5 s (`--help`) less CPU (bench/startup.mjs, bench/RESULTS.md). Commands stay lazy: esbuild keeps each
 * `import()` of a command as a function that evaluates it on first use.
 *
 * What it guarantees:
 * - A `new URL('./x.js', import.meta.url)` in dist/src (how a module finds its worker script)
 *   still names the same file from the bundle: a worker that is itself bundled here is pointed at
 *   its bundle, anything else at its file in dist/src. A relative URL that names no file, or one
 *   written in a form this script does not read, fails the build.
 * - Packages with native code or their own files on disk stay external (EXTERNAL below) and are
 *   loaded from node_modules as before; so does every Node built-in.
 * - dist/bundle/meta.json lists every input, so a stale bundle can be detected (test/helpers).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'dist', 'src');
const out = join(root, 'dist', 'bundle');
const ENTRIES = { bin: 'cli/bin.js', 'cost-worker': 'server/cost-worker.js', 'ingest-worker': 'measure/ingest-worker.js' };
/** Native code (DuckDB), loaded on demand and large (AWS SDK), or read as files (ASN database, Swagger UI). */
const EXTERNAL = ['@duckdb/*', '@aws-sdk/*', '@ip-location-db/*', 'swagger-ui-dist', 'tsx', 'tsx/*'];

for (const file of Object.values(ENTRIES)) {
  if (!existsSync(join(src, file))) {
    console.error(`bundle-cli: ${join('dist/src', file)} is missing; run \`npx tsc -p tsconfig.build.json\` first`);
    process.exit(1);
  }
}

const bundled = new Map(Object.entries(ENTRIES).map(([name, file]) => [join(src, file), join(out, `${name}.js`)]));
const WORKER_URL = /new URL\((['"])(\.{1,2}\/[^'"]+)\1, import\.meta\.url\)/g;
const WORKER_URL_ONE = new RegExp(`^${WORKER_URL.source}$`);

/** Rewrites module-relative URLs so they resolve from dist/bundle to the same target. */
const relativeUrls = {
  name: 'module-relative-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      if (!code.includes('import.meta.url')) return undefined;
      const errors = [];
      const contents = code.replace(WORKER_URL, (whole, quote, rel) => {
        const target = resolve(dirname(args.path), rel);
        // the .ts twin is only reached under the test runner (tsx), never from a build
        if (target.endsWith('.ts')) return whole;
        const to = bundled.get(target) ?? target;
        if (!existsSync(target)) errors.push({ text: `${relative(root, args.path)}: ${rel} names no file (${relative(root, target)})` });
        let r = relative(out, to).split('\\').join('/');
        if (!r.startsWith('.')) r = `./${r}`;
        return `new URL(${quote}${r}${quote}, import.meta.url)`;
      });
      // any other spelling of a module-relative URL would silently resolve from dist/bundle
      for (const m of contents.matchAll(/new URL\(\s*['"`]\.{1,2}\/[^)]*\)/g))
        if (!WORKER_URL_ONE.test(m[0])) errors.push({ text: `${relative(root, args.path)}: ${m[0]} is a module-relative URL this script cannot rewrite` });
      return errors.length ? { errors } : { contents, loader: 'js' };
    });
  },
};

// esbuild prints its own errors (file, line, the plugin's reason); the thrown copy adds only a stack
const result = await build({
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(src, file)])),
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  // bundled CommonJS packages call require() for Node built-ins
  banner: { js: "import { createRequire as __splinternetRequire } from 'node:module'; const require = __splinternetRequire(import.meta.url);" },
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [relativeUrls],
}).catch(() => process.exit(1));
writeFileSync(join(out, 'meta.json'), JSON.stringify({ inputs: Object.keys(result.metafile.inputs) }, null, 1));
const sizes = Object.entries(result.metafile.outputs)
  .filter(([f]) => f.endsWith('.js'))
  .map(([f, o]) => `${relative(root, resolve(root, f))} ${(o.bytes / 1e6).toFixed(1)} MB`);
console.log(`bundle-cli: ${sizes.join(', ')}`);
