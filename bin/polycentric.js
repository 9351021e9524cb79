#!/usr/bin/env node
// Runs the TypeScript CLI from source through tsx's loader (installed with the package);
// falls back to the compiled dist/ when tsx is absent.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  register = undefined;
}
if (register) {
  register();
  await import('../cli/main.ts');
} else {
  await import('../dist/cli/main.js');
}
