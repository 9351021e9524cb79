import type { Society } from './society.js';

type Reporter = (society: Society) => number;

/** Metrics of self-management, accountability and free association (per step unless said). */
export function governanceMetrics(): Record<string, Reporter> {
  const count = (pick: (c: Society['polity']['counters']) => number): Reporter => (s) => pick(s.polity.counters);
  return {
    participation: (s) => s.polity.participation,
    policy_changes: count((c) => c.policyChanges),
    named_rate: (s) => (s.polity.counters.acts > 0 ? s.polity.counters.attributed / s.polity.counters.acts : 0),
    sanctions: count((c) => c.sanctions),
    bribes: count((c) => c.bribes),
    skims: count((c) => c.skims),
    expulsions: count((c) => c.expulsions),
    left_map: count((c) => c.leftMap),
    migrations: count((c) => c.migrations),
    splits: count((c) => c.splits),
    secessions: count((c) => c.secessions),
    recalls: count((c) => c.recalls),
    disputes: count((c) => c.disputes),
    disputes_arbitrated: count((c) => c.arbitrated),
    federations: (s) => s.polity.aliveFederations(),
    federation_dues: (s) => {
      let dues = 0, count = 0;
      for (const federation of s.polity.federations) {
        if (federation.formed < 0 || federation.children.length > 0) continue;
        dues += federation.dues;
        count++;
      }
      return count > 0 ? dues / count : 0;
    },
    sharing_sd: (s) => {
      // Policy diversity: the person-weighted spread of sharing across communities.
      let people = 0, sum = 0, squares = 0;
      for (const community of s.communities) {
        const n = community.population;
        people += n;
        sum += n * community.policy.sharing;
        squares += n * community.policy.sharing ** 2;
      }
      return people > 0 ? Math.sqrt(Math.max(0, squares / people - (sum / people) ** 2)) : 0;
    },
    federated_share: (s) => {
      let inside = 0, total = 0;
      for (const community of s.communities) {
        total += community.population;
        if (community.governance.federation >= 0) inside += community.population;
      }
      return total > 0 ? inside / total : 0;
    },
  };
}
