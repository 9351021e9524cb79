import type { CAC } from 'cac';
import { requireText } from '../options.js';
import { mergeSweeps } from '../sweep/merge.js';

/** `polycentric merge <dirs>... --out DIR`: joins the shards of one sweep into one sweep folder. */
export function register(cli: CAC): void {
  cli
    .command('merge <...dirs>', 'Join the folders of a sharded sweep into one (equal to the sweep run in one process)')
    .option('--out <dir>', 'The merged sweep folder (must be new or empty)')
    .example('polycentric merge runs/q4/shard-0 runs/q4/shard-1 --out runs/q4/all')
    .action(async (dirs: string[], options: Record<string, unknown>) => {
      const out = requireText(options.out === undefined ? undefined : String(options.out), '--out');
      const result = await mergeSweeps(dirs, out);
      console.log(`Merged ${dirs.length} folders: ${result.runs} runs (${result.failed} failed) in ${result.dir}`);
      if (result.missing > 0) {
        console.log(`${result.missing} planned runs are in none of them: run their shards, or polycentric sweep <file> --resume --out ${result.dir}`);
        return 1;
      }
      return 0;
    });
}
