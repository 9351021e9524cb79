import type { ParamTable } from '../../sim/index.js';
import { numberParam as num, booleanParam as flag, enumParam as choice } from '../../sim/index.js';


const ACCOUNT = 'accountability';
const CULTURE = 'culture';
const ASSEMBLY = 'self-management';
const ASSOCIATION = 'free association';
const IDEAS = 'ideas';
const THIN = 'Thin evidence (docs/odd.md): ';

/** The decision rules an assembly can use. */
export const DECISION_RULES = ['majority', 'supermajority', 'consensus'] as const;

/**
 * Parameters of self-management, accountability, culture, free association and ideas
 * (MODEL.md phases 6–10), merged into the society's table.
 */
export const governanceParams = {
  accountability: choice('lateral', ['lateral', 'hierarchical'], 'lateral: every member watches every other and a peer punishes at a cost; hierarchical: specialised auditors watch a fixed span each, are paid a wage and can be bribed', 'MODEL.md institution switch; essay principle 2', ACCOUNT),
  shirkingRatio: num(0.65, 0, 1, 'share', 'A worker shirks (free-rides on the team) when their effort is below this share of what they would give if they kept their whole product', THIN + 'a shortfall of a third is one a team notices; part 1 counted below a half', ACCOUNT),
  auditorSpan: num(40, 2, 10_000, 'workers per auditor', 'Workers each auditor monitors under hierarchical accountability (auditors are workers taken off production)', THIN + 'a supervisory span of a few dozen is common in firms', ACCOUNT, true),
  auditorSkill: num(0.45, 0, 1, 'probability', 'ω for a specialised auditor: chance an auditor names a shirker in a span small enough to track', THIN + 'specialists detect more than peers (ω = 0.3)', ACCOUNT),
  auditorWage: num(1, 0, 5, 'months of labour at cost', 'Monthly wage of an auditor paid from the common fund (credit)', 'An auditor is paid like a full-time worker', ACCOUNT),
  bribeShare: num(0.5, 0, 1, 'share of the sanction', 'Share of the sanction a named person offers an auditor to look away', THIN + 'no anchor; sweep it', ACCOUNT),
  punishCost: num(0.1, 0, 5, 'utility', 'c: what punishing costs the punisher; a peer punishes when θ·γ ≥ c', 'MODEL.md: punishers pay c to impose ~3c (Fehr & Gächter 2000)', ACCOUNT),
  punishCostFood: num(0.1, 0, 10, 'food units', 'Food a punisher spends (time, conflict) per sanction: consumed', 'Fehr & Gächter 2000: punishment is costly', ACCOUNT),
  sanctionRatio: num(3, 0, 20, 'multiple of the punisher’s cost', 'A sanction takes this many times the punisher’s food cost from the offender, per strike, into the fund', 'MODEL.md ~3c; Fehr & Gächter 2000 used 1:3', ACCOUNT),
  expulsionStrikes: num(4, 0, 100, 'strikes', 'Strikes at which a member is expelled (the end of the graduated ladder); 0 = never', 'Ostrom (1990): graduated sanctions end in exclusion', ACCOUNT),
  strikeDecay: num(0.05, 0, 1, 'share per month', 'Share of a person’s strikes forgiven each month', 'Assumption: records fade over a couple of years', ACCOUNT),
  skimTemptation: num(0.3, 0, 5, 'utility', 'What skimming the fund is worth to a steward; they skim when it beats θ·γ + expected sanction', THIN + 'no anchor; sweep it', ACCOUNT),
  skimShare: num(0.1, 0, 1, 'share of the fund', 'Share of the fund a steward who skims takes', 'Assumption', ACCOUNT),
  civicNormSpread: num(0.15, 0, 0.5, 'sd', 'Spread of initial civic norms around their mean', 'Assumption; an atomized society has a low mean', CULTURE),
  normConformity: num(0.05, 0, 1, 'share per month', 'Pull of a norm toward its peers’ (community mean and sampled peers)', 'Axelrod 1997; social learning', CULTURE),
  normPeers: num(3, 0, 20, 'persons', 'Peers each person samples each month', 'MODEL.md: a few sampled peers', CULTURE, true),
  normErosion: num(0.01, 0, 1, 'per month', 'Norm loss per unit of unpunished free-riding in the community', THIN + 'Fehr & Gächter 2000: cooperation decays without punishment', CULTURE),
  normGrowth: num(0.002, 0, 1, 'per month', 'Norm gain per unit of successful cooperation above the reference', THIN + 'no anchor; sweep it', CULTURE),
  normReference: num(0.75, 0, 1, 'share', 'Cooperation success (non-shirkers × needs met) at which norms neither grow nor erode by it', 'Assumption', CULTURE),
  maxNormChange: num(0.01, 0, 1, 'per month', 'Largest change of a person’s norm in one month', 'MODEL.md: ~0.01 a month', CULTURE),
  assemblies: flag(true, 'Assemblies meet and vote on proposals (off: policies stay as set, a null model)', 'MODEL.md null model: no votes', ASSEMBLY),
  assemblyEvery: num(3, 1, 120, 'steps', 'Months between a community’s assemblies (staggered by community)', 'MODEL.md: every 3 steps', ASSEMBLY, true),
  decisionRule: choice('majority', DECISION_RULES, 'Rule assemblies decide by; consensus keeps the status quo on any dissent', 'MODEL.md policy', ASSEMBLY),
  supermajority: num(0.667, 0.5, 1, 'share of votes cast', 'Yes share a supermajority needs', 'Two thirds is the usual threshold', ASSEMBLY),
  participationCost: num(0.01, 0, 1, 'utility', 'Cost of attending an assembly; a member votes when |stake| + θ·civicDuty beats it', THIN + 'turnout is a result of this', ASSEMBLY),
  civicDuty: num(0.01, 0, 1, 'utility', 'Value of taking part to a person with norm 1 (duty to vote)', 'Riker & Ordeshook 1968: the D term', ASSEMBLY),
  idealPointWeight: num(0.2, 0, 5, 'utility per unit of τ', 'h: cost of a policy τ away from one’s ideal τ* (heterogeneous tastes); 0 = none', 'MODEL.md optional term; needed for sorting', ASSEMBLY),
  policyStep: num(0.1, 0.01, 1, 'share', 'How far a proposal moves a policy', 'MODEL.md: ±0.1', ASSEMBLY),
  proposalsPerAssembly: num(3, 1, 20, 'proposals', 'Proposals an assembly considers at most (first come)', 'Assumption: an evening’s agenda', ASSEMBLY, true),
  memberProposalRate: num(0.5, 0, 1, 'probability per assembly', 'Chance a member (drawn at random) proposes moving sharing toward their ideal', 'Assumption', ASSEMBLY),
  admission: num(0, 0, 1, 'civic norm', 'Initial admission bar: the least civic norm a newcomer must show (0 = open); voted later', 'Assumption; communities may refuse', ASSOCIATION),
  migration: flag(true, 'Persons may move between communities', 'Essay principle 1: free association', ASSOCIATION),
  migrationRate: num(0.01, 0, 1, 'share per month', 'Share of adults who reconsider where they live each month', 'MODEL.md ~1%', ASSOCIATION),
  destinationsSampled: num(3, 1, 20, 'communities', 'Communities a person compares when reconsidering', 'MODEL.md ~3', ASSOCIATION, true),
  outcomeNoise: num(0.05, 0, 5, 'utility', 'sd of the noise in what persons and communities see of other communities’ welfare', THIN + 'no anchor', ASSOCIATION),
  movingCost: num(0.05, 0, 10, 'utility', 'm0: fixed cost of moving', THIN + 'no anchor; sweep it', ASSOCIATION),
  movingCostDistance: num(0.01, 0, 10, 'utility per 10 cells', 'm1: moving cost per distance', 'Assumption', ASSOCIATION),
  splits: flag(true, 'Factions may leave to found a community on free land', 'Essay principle 1', ASSOCIATION),
  minFaction: num(10, 2, 10_000, 'persons', 'Least number of adults in a faction that founds a community', 'Assumption', ASSOCIATION, true),
  foundingCost: num(0.1, 0, 10, 'utility', 'Cost to each faction member of founding a community', THIN + 'no anchor; sweep it', ASSOCIATION),
  foundingRadius: num(10, 1, 1000, 'cells', 'How far from the old site a faction looks for free land', 'Assumption: nearby', ASSOCIATION, true),
  federations: flag(true, 'Communities may form and join federations (mutual aid pools)', 'Essay: a network of networks', ASSOCIATION),
  federationEvery: num(12, 1, 600, 'steps', 'Months between federation decisions (joining, dues, secession)', 'Assumption: a yearly congress', ASSOCIATION, true),
  federationDues: num(0.05, 0, 1, 'share of fund food per month', 'Initial dues a member community pays into the federation pool; voted by delegates', 'Assumption', ASSOCIATION),
  federationAid: num(0.5, 0, 1, 'share of pool per month', 'Share of the pool given each month to member communities by their members’ food shortfall', 'Assumption: mutual aid', ASSOCIATION),
  federationSolidarity: num(0.01, 0, 1, 'utility', 'Value a person with norm 1 puts on belonging to a mutual-aid federation', THIN + 'no anchor; sweep it', ASSOCIATION),
  federationMaxSize: num(12, 2, 10_000, 'communities', 'A federation at this size takes no new members; new ones form beside it and may nest', 'Assumption', ASSOCIATION, true),
  secession: flag(true, 'A community may leave its federation (off: membership is for good)', 'MODEL.md institution switch; essay principle 1', ASSOCIATION),
  secessionMargin: num(0.2, 0, 10, 'share', 'A community considers leaving when it paid this much more than it got back over the year, or was outvoted', 'Assumption', ASSOCIATION),
  disputeRate: num(0.01, 0, 1, 'probability per community per month', 'Chance a community falls into a dispute over water with the nearest community upstream in its watershed', THIN + 'no anchor; water conflicts between neighbours are common but rarely counted', ASSOCIATION),
  disputeStake: num(0.1, 0, 1, 'share of a month of food output', 'What the disputed water is worth to the downstream community', 'Assumption', ASSOCIATION),
  arbitrationFee: num(0.05, 0, 1, 'share of the stake', 'Fee each side pays into the federation pool when its federation arbitrates', 'Assumption: arbitration takes delegates’ time', ASSOCIATION),
  feudCost: num(0.25, 0, 5, 'share of the stake', 'Extra loss to each side of a dispute nobody arbitrates (the feud), on top of the downstream crop lost', THIN + 'no anchor; sweep it', ASSOCIATION),
  imitationRate: num(0.3, 0, 1, 'probability per assembly', 'Chance a community looks at its neighbours’ outcomes and proposes what looks better', 'MODEL.md phase 10', IDEAS),
  imitationMargin: num(0.02, 0, 5, 'utility', 'How much better a neighbour must look to be imitated', 'Assumption', IDEAS),
  experimentRate: num(0.05, 0, 1, 'probability per assembly', 'Chance of a random policy proposal (experimentation)', 'MODEL.md phase 10', IDEAS),
} satisfies ParamTable;
