import { describe, expect, it } from 'vitest';
import { suite } from '../../bench/threads.js';

describe('bench: threads', () => {
  it('measures one and two threads at a small size under stable keys, with the speed-up as their ratio', async () => {
    const measurements = await suite.run({ quick: true, log: () => {} });
    const byKey = new Map(measurements.map((m) => [m.key, m]));
    const one = byKey.get('society_threads_1_person_steps_per_s_10k')!;
    const two = byKey.get('society_threads_2_person_steps_per_s_10k')!;
    expect(one.value).toBeGreaterThan(0);
    expect(two.value).toBeGreaterThan(0);
    expect(byKey.get('society_threads_speedup_2_10k')!.value).toBeCloseTo(two.value / one.value, 2);
    expect(two.ratio).toBe('society_threads_speedup_2_10k');
    // Where the speed-up goes: the kernels' share of a step bounds it (Amdahl's law).
    const share = byKey.get('society_threads_kernel_share_10k')!.value;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(1);
    expect(byKey.get('society_threads_amdahl_bound_2_10k')!.value).toBeCloseTo(1 / (1 - share + share / 2), 2);
    expect(byKey.get('society_threads_kernel_speedup_2_10k')!.value).toBeGreaterThan(0);
    for (const threads of [1, 2]) expect(byKey.get(`society_threads_serial_ms_${threads}_10k`)!.value).toBeGreaterThan(0);
    for (const threads of [1, 2]) expect(byKey.get(`society_threads_cores_used_${threads}_10k`)!.value).toBeGreaterThan(0.5);
    // Why the kernels fall short of 2×: waiting, waking, and each thread slower beside the other.
    for (const what of ['wait', 'wake']) expect(byKey.get(`society_threads_kernel_${what}_ms_2_10k`)!.value).toBeGreaterThanOrEqual(0);
    const threadTime = byKey.get('society_threads_kernel_thread_time_ratio_2_10k')!.value;
    expect(threadTime).toBeGreaterThan(0.5);
    expect(threadTime).toBeLessThan(3);
  }, 120_000);
});
