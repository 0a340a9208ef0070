#!/usr/bin/env node
// Thin launcher: all logic, and the mapping of errors to exit codes, lives in src/cli.ts.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
