#!/usr/bin/env node
// Thin launcher: all logic, and the mapping of errors to exit codes, lives in src/cli.ts.
import v8 from 'node:v8';

// A larger libuv pool lets many fsyncs overlap; it must be set before the pool first starts.
process.env.UV_THREADPOOL_SIZE ??= '16';
// Small young generation: a run makes much short-lived garbage, and a long-running daemon should
// stay small (measured: 10,000 notes peak at ~120 MB instead of ~170 MB, at the same speed).
v8.setFlagsFromString('--max-semi-space-size=2');
// The bundle (npm run build makes it) starts several times faster than the many files of dist/.
import { existsSync } from 'node:fs';
const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
const { main } = await import(existsSync(bundle) && !process.env.AI_EMPLOYEE_UNBUNDLED ? bundle.href : '../dist/cli.js');

process.exitCode = await main(process.argv.slice(2));
