import { describe, expect, it } from 'vitest';
import { CivicColumns, openPolicy } from '../../../../models/society/communities/civic-columns.js';
import { foundCommunity } from '../../../../models/society/association/found.js';
import { newGovernance } from '../../../../models/society/governance/state.js';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

const POLICY = { sharing: 0.25, commonsRate: 0.1, exitShare: 0.5, fundPayout: 0.3, decisionRule: 'consensus', admission: 0.2 };

describe("the communities' policies and governance numbers as columns", () => {
  it('keeps each community\'s policy, detection and enforcement in its own slot as the columns grow', () => {
    const columns = new CivicColumns(1, false);
    const opened = [0, 1, 2, 3].map((id) => ({ policy: openPolicy(columns, id, { ...POLICY, sharing: id / 10 }), governance: newGovernance(columns, id, 0.5 + id / 100, id) }));
    expect(opened[2]!.policy.toJSON()).toEqual({ ...POLICY, sharing: 0.2 });
    opened.forEach(({ policy, governance }, id) => {
      policy.admission = id + 0.5;
      governance.enforcement = id / 4;
    });
    opened.forEach(({ policy, governance }, id) => {
      expect([columns.sharing[id], columns.admission[id], columns.detection[id], columns.enforcement[id]]).toEqual([id / 10, id + 0.5, 0.5 + id / 100, id / 4]);
      expect([policy.sharing, policy.decisionRule, governance.detection, governance.founded]).toEqual([id / 10, 'consensus', 0.5 + id / 100, id]);
    });
  });

  it("gives a founded community its parent's policy but its own sharing, and fresh monitors", () => {
    const society = new Society(small('default', { population: 1200, communities: 4 }), 3);
    society.run({ steps: 6 });
    const parent = society.communities[1]!;
    parent.policy.decisionRule = 'supermajority';
    parent.policy.admission = 0.35;
    const child = foundCommunity(society, parent, 20, 0.75)!;
    expect(JSON.parse(JSON.stringify(child.policy))).toEqual({ ...JSON.parse(JSON.stringify(parent.policy)), sharing: 0.75 });
    expect(child.governance.enforcement).toBe(1);
    expect(society.civic.detection[child.id]).toBe(child.governance.detection);
    expect(child.governance.founded).toBe(society.steps + 1);
  });
});
