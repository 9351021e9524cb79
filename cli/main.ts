import { runCli } from './program.js';

// The entry point that bin/polycentric.js loads. Setting exitCode (not calling exit) lets output flush.
process.exitCode = await runCli(process.argv);
