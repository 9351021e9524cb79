/**
 * Runs one sweep in a process of its own and prints its wall time, the cores it got and its peak resident memory as JSON,
 * so bench/sweep.ts can compare sweeps of different lengths without one's memory hiding the other's.
 * Usage: tsx bench/sweep-child.ts <sweep.json> <out-dir> <workers>
 */
import { loadSweep } from '../cli/sweep/load.js';
import { runSweep } from '../cli/sweep/run-sweep.js';

const [file, out, workers] = process.argv.slice(2);
const start = performance.now();
const result = await runSweep(loadSweep(file!), { out: out!, workers: Number(workers) });
// maxRSS counts the whole process: the main thread and every worker thread of the pool.
const peakMiB = process.resourceUsage().maxRSS / 1024;
const seconds = (performance.now() - start) / 1000;
// CPU time over wall time: the cores the sweep actually got (less than its workers when the machine is busy).
const cpu = process.cpuUsage();
const coresUsed = (cpu.user + cpu.system) / 1e6 / seconds;
console.log(JSON.stringify({ seconds, peakMiB, coresUsed, done: result.done, failed: result.failed }));
