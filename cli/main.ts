import { settleCompilerForKernels } from '../sim/node/compiler-settings.js';

// Before the rest of the CLI is even loaded, so that no code of the run meets V8 with OSR on
// and every kernel gets its specialised code (see compiler-settings.ts).
settleCompilerForKernels();
const { runCli } = await import('./program.js');
// The entry point that bin/polycentric.js loads. Setting exitCode (not calling exit) lets output flush.
process.exitCode = await runCli(process.argv);
