// Writes dist/config/defaults.json: the configuration's defaults as the schema gives them, read by
// src/config/built-defaults.ts so that a run on a config file of comments only loads no schema.
import fs from 'node:fs';
import { defaultConfig } from '../dist/config/schema.js';

fs.writeFileSync('dist/config/defaults.json', `${JSON.stringify(defaultConfig(), null, 2)}\n`);
