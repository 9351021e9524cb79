import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (8 s or more alone on a 2-core machine), longest first. Vitest
 * orders files by their last duration, which a fresh clone has not recorded: there the
 * longest could start last and run while the other worker idles (a fresh clone's suite ended
 * on the Slurm test, 16 s, alone). Keep the list to the few that matter; order is all it sets.
 */
export const LONG_FILES = [
  'tests/models/society/threads.test.ts',
  'tests/experiments/slurm.test.ts',
  'tests/experiments/sweep.test.ts',
  'tests/cli/run.test.ts',
  'tests/experiments/sweep-cli.test.ts',
];

/** Vitest's own order (last duration, longest first; else larger files first), with the long files ahead of it. */
export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const at = LONG_FILES.findIndex((path) => spec.moduleId.endsWith(path));
      return at < 0 ? LONG_FILES.length : at;
    };
    return sorted.map((spec, order) => ({ spec, order, rank: rank(spec) })).sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ spec }) => spec);
  }
}
