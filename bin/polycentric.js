#!/usr/bin/env node
// Runs the TypeScript CLI from source through tsx's loader, one of the package's dependencies.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  console.error('polycentric: the tsx package is missing: run `npm ci` in the polycentric folder first');
  process.exit(1);
}
register();
await import('../cli/main.ts');
