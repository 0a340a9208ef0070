// Bundles the compiled CLI (dist/cli.js) into dist/bundle/: one file for start-up, the lazily
// imported parts (daemon, jobs, content readers, the command planner…) as chunks loaded only when
// used. Start-up is mostly module resolution and compilation of many small files (issue 16); the
// bundle makes it a few. bin/ai-employee.js runs the bundle when it exists, else dist/cli.js.
// The content reader process and the libraries only it loads stay as they are (dist/items/content/reader-process.js).
import fs from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: without this, every build would leave the old ones behind.
fs.rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'dist/cli.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  // Loaded in the content reader process or on demand by require (the note codec's YAML libraries, chrono):
  // resolved from node_modules at run time, so import and require share one copy of each.
  external: ['unpdf', 'mammoth', 'tesseract.js', '@tesseract.js-data/*', 'chrono-node', 'chrono-node/*', 'postal-mime', 'html-to-text', 'yaml', 'gray-matter'],
  // proper-lockfile's graceful-fs patches fs on load (~14 ms of every start) to retry on EMFILE, which
  // the lock's handful of calls on one folder never meet: the bundle gives it Node's own fs.
  alias: { 'graceful-fs': 'node:fs' },
  // Bundled CommonJS packages (yaml, gray-matter, proper-lockfile…) call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
});
