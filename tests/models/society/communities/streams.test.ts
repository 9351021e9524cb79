import { describe, expect, it } from 'vitest';
import { Rng, Streams } from '../../../../sim/index.js';
import { communityStream, communityStreamSource, PhaseStreams } from '../../../../models/society/communities/community.js';
import type { Community } from '../../../../models/society/communities/community.js';

/** Only what `communityStream` reads of a community. */
function community(id: number): Community {
  return { id, streams: new PhaseStreams() } as unknown as Community;
}

function draws(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

describe('a community’s streams by phase', () => {
  it('seeds each (community, phase) stream as derive does, once, and keeps drawing from where it stopped', () => {
    const streams = new Streams(5);
    const a = community(3);
    const b = community(4);
    const first = draws(communityStream(streams, a, 'produce'), 3);
    expect(first).toEqual(draws(new Streams(5).derive('community', 3, 'produce'), 3));
    // Asked again, the same generator continues: the next draws are the reference's fourth to sixth.
    const reference = new Streams(5).derive('community', 3, 'produce');
    draws(reference, 3);
    expect(draws(communityStream(streams, a, 'produce'), 3)).toEqual(draws(reference, 3));
    // Another phase of the same community, and the same phase of another, are streams of their own.
    expect(communityStream(streams, a, 'culture')).not.toBe(communityStream(streams, a, 'produce'));
    expect(communityStream(streams, b, 'produce')).not.toBe(communityStream(streams, a, 'produce'));
    expect(draws(communityStream(streams, b, 'produce'), 2)).toEqual(draws(new Streams(5).derive('community', 4, 'produce'), 2));
  });

  it('holds what is set for a phase apart from every other phase, whatever order phases first appear in', () => {
    const held = new PhaseStreams();
    const x = new Rng('x');
    const y = new Rng('y');
    expect(held.get('a phase never asked for before')).toBeUndefined();
    held.set('phase two of this test', y);
    held.set('phase one of this test', x);
    expect(held.get('phase one of this test')).toBe(x);
    expect(held.get('phase two of this test')).toBe(y);
    expect(new PhaseStreams().get('phase one of this test')).toBeUndefined();
  });

  it('hands the kernels the very generators the communities keep, whichever asks first', () => {
    const streams = new Streams(5);
    const communities = [community(0), community(1), community(2)];
    const source = communityStreamSource(streams, communities);
    // Asked first by the kernels' source, then by a phase directly, and the other way round.
    const kernels = source(1, 'produce');
    expect(communityStream(streams, communities[1]!, 'produce')).toBe(kernels);
    const direct = communityStream(streams, communities[2]!, 'assembly');
    expect(source(2, 'assembly')).toBe(direct);
    expect(source(1, 'produce')).toBe(kernels);
    expect(source(0, 'produce')).not.toBe(kernels);
    expect(source(1, 'culture')).not.toBe(kernels);
    // Drawn through either, one stream goes on where the other stopped.
    const reference = new Streams(5).derive('community', 1, 'produce');
    expect([...draws(kernels, 2), ...draws(communityStream(streams, communities[1]!, 'produce'), 2)]).toEqual(draws(reference, 4));
  });
});
