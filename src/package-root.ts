import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The folder that holds this package's package.json, bin/ and vault-template/. Found by walking up
// from this module, so it holds for the sources, the compiled dist/ and the bundle alike.
let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = new URL('./', import.meta.url);
  for (let depth = 0; depth < 6; depth++) {
    if (existsSync(new URL('package.json', dir)) && existsSync(new URL('vault-template/', dir))) return (root = fileURLToPath(dir));
    dir = new URL('../', dir);
  }
  throw new Error(`ai-employee: cannot find the package folder above ${fileURLToPath(import.meta.url)}`);
}

// Used for files shipped with the package, e.g. packageFile('bin', 'ai-employee.js').
export function packageFile(...parts: string[]): string {
  return [packageRoot().replace(/\/$/, ''), ...parts].join('/');
}
