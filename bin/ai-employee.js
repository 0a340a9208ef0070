#!/usr/bin/env node
// Thin launcher: all logic, and the mapping of errors to exit codes, lives in src/cli.ts.
// A larger libuv pool lets many fsyncs overlap; it must be set before the pool first starts.
process.env.UV_THREADPOOL_SIZE ??= '16';
const { main } = await import('../dist/cli.js');

process.exitCode = await main(process.argv.slice(2));
