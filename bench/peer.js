import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { VAULT_FOLDERS } from './make-inputs.js';
import { PEER_DIR } from './paths.js';

// Whether the reference peer (§15) can run here: its folder and python3.
export function findPeer() {
  return fs.existsSync(path.join(PEER_DIR, 'scripts', 'run_ai_employee.py')) ? PEER_DIR : undefined;
}

// A private copy of the peer in `dir`, as its README says (the peer's vault is its own folder),
// with the vault folders created. Returns the peer's command line for a mode.
export function copyPeer(dir) {
  fs.cpSync(PEER_DIR, dir, { recursive: true });
  makeWritable(dir);
  for (const folder of VAULT_FOLDERS) fs.mkdirSync(path.join(dir, folder), { recursive: true });
  const python = pythonInterpreter();
  return (mode) => [python, [path.join(dir, 'scripts', 'run_ai_employee.py'), mode]];
}

let interpreter;
// The interpreter python3 stands for. A version manager's python3 (pyenv's shim) is a shell script
// that adds ~200 ms to every start; the peer's own stages already run sys.executable, so its
// top-level start is measured the same way: the real binary.
export function pythonInterpreter() {
  interpreter ??= execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim() || 'python3';
  return interpreter;
}

// The shared copy is read-only; the copy must be writable for the peer to work and to be removed.
function makeWritable(dir) {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else fs.chmodSync(full, 0o644);
  }
}
