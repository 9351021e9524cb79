import type { ParamTable, ParamValues } from '../../sim/index.js';
import { numberParam as num, booleanParam as flag, enumParam as choice } from '../../sim/index.js';


const SERVICES = 'services';
const KNOWLEDGE = 'knowledge';
const DEFENCE = 'defence';
const CRISES = 'crises';
const ECOLOGY = 'ecology';
const THIN = 'THIN EVIDENCE (docs/odd.md): ';

/** The kinds of border a syndicate's service region can have. */
export const BORDER_KINDS = ['watershed', 'catchment', 'regional', 'global', 'community', 'none'] as const;

const border = (value: string, what: string) =>
  choice(value, BORDER_KINDS, `Border of ${what} syndicates: watershed, catchment (dense clusters), regional (linked network), global, community, or none (no such syndicates)`, 'Essay: each function finds the border that serves its use', SERVICES);

/** Parameters of syndicates, knowledge, defence, crises and ecology (merged into the society's table). */
export const servicesParams = {
  waterBorder: border('watershed', 'water'),
  healthBorder: border('catchment', 'health'),
  transportBorder: border('regional', 'transport'),
  researchBorder: border('global', 'research'),
  educationBorder: border('community', 'education'),
  serviceFee: num(0.004, 0, 1, 'food units per person per month', 'Budget a syndicate asks per person it serves, each month', 'Assumption: ~0.3% of output per function, a quarter of what a 5% commons rate brings the funds for all five', SERVICES),
  serviceCost: num(0.01, 0.0001, 100, 'food units per month', 'c0: cost scale of quality; q = ½ when spending equals c0·N^(1−η)', 'Assumption; set so the asked fee buys q ≈ 0.6 for 1,000 persons', SERVICES),
  economiesOfScale: num(0.2, 0, 1, 'exponent η', 'η: economies of scale in service delivery', 'MODEL.md η ≈ 0.2', SERVICES),
  slidingScale: num(0.5, 0, 1, 'elasticity', 'How a community’s share of a fee follows its wealth per head (0 = equal per head, 1 = in proportion)', 'Essay: a sliding scale for less prosperous communities', SERVICES),
  feeCap: num(0.5, 0, 1, 'share of fund', 'Most of its common fund a community pays in fees in a month (each function gets an equal earmarked slice of it)', 'Assumption', SERVICES),
  optOutBurden: num(1.5, 0, 10, 'fee per unit of service value', 'A community opts out when its fee per head exceeds this multiple of what the service is worth per head', 'Assumption', SERVICES),
  serviceValue: num(0.02, 0, 10, 'food units per person per month at q = 1', 'What a fully good service is worth to a served person (for opting out and founding)', 'Assumption: of the order of the effects below', SERVICES),
  rivalBelow: num(0.25, 0, 1, 'quality', 'Clients of a syndicate serving worse than this may found a rival', 'Assumption', SERVICES),
  syndicateFoundingCost: num(0.1, 0, 1000, 'food units per person', 'One-off cost per person served of founding a syndicate', 'Assumption: about two years of one function’s fee', SERVICES),
  shrinkBelow: num(0.5, 0, 1, 'share of asked budget', 'A syndicate funded below this share of what it asks shrinks (loses workers)', 'Assumption', SERVICES),
  dissolveAfter: num(24, 1, 600, 'months', 'An underfunded syndicate dissolves after this many months in a row', 'Assumption', SERVICES, true),
  splitAbove: num(40, 2, 100_000, 'communities', 'A syndicate serving more communities than this splits in two (when its clients vote for it)', 'Assumption: coordination past a scale', SERVICES, true),
  catchmentDensity: num(12, 0, 10_000, 'persons per cell', 'Density above which a community is urban (a health-catchment core)', 'Assumption', SERVICES),
  catchmentReach: num(10, 0, 1000, 'cells', 'Urban communities closer than this belong to one catchment; others join the nearest core within twice this', 'Assumption: a day’s travel', SERVICES),
  transportRegion: num(16, 2, 1000, 'cells', 'Side of the square regions of transport syndicates', 'Assumption', SERVICES),
  workersPerService: num(0.01, 0, 0.5, 'workers per person served', 'Syndicate workers drawn from served communities at the asked budget', 'Assumption', SERVICES),
  syndicateSkim: num(0.1, 0, 1, 'share of budget', 's: share of a syndicate’s spending its officials take when they skim; they skim when the temptation beats their norm and the expected sanction, and a named skim is returned (expected s·(1 − π))', 'MODEL.md quality form; the steward’s rule of phase 6', SERVICES),
  workerBloc: num(0.2, 0, 10, 'share of the communities’ weight', 'Weight of a syndicate’s workers in its decisions, as a share of the served communities’ total (each community weighs √population)', 'MODEL.md: communities vote ∝ √population, workers hold a fixed bloc', SERVICES),
  feeStep: num(0.1, 0, 1, 'share', 'How far a syndicate’s yearly fee vote moves its fee per person (0: fees fixed at serviceFee)', 'Assumption: as a policy step', SERVICES),
  waterFoodEffect: num(0.1, 0, 2, 'per unit quality', 'Food output scales by (1 + this·q_water)', 'MODEL.md: S = Π(1 + 0.1 q)', SERVICES),
  healthMortalityEffect: num(0.3, 0, 1, 'per unit quality', 'Mortality scales by (1 − this·q_health)', 'MODEL.md', SERVICES),
  healthOutputEffect: num(0.1, 0, 2, 'per unit quality', 'Output scales by (1 + this·q_health)', 'MODEL.md: S = Π(1 + 0.1 q)', SERVICES),
  transportTradeEffect: num(0.5, 0, 1, 'per unit quality', 'Transit losses scale by (1 − this·q_transport)', 'Assumption', SERVICES),
  educationSkillEffect: num(0.002, 0, 0.1, 'skill per month at q = 1', 'Skill growth of workers from education', 'Assumption: ~2% a year at full quality', SERVICES),
  researchEffect: num(1, 0, 10, 'per unit quality', 'Innovation rate scales by (1 + this·q_research)', 'Assumption', SERVICES),
  unitaryBudget: flag(false, 'One central budget pays every syndicate and the defence, split by the government (state preset); off: a budget per syndicate', 'MODEL.md institution switch', SERVICES),
  survivalWeight: num(0.5, 0, 1, 'weight', 'How much a government weighs its survival against services before elections', 'Assumption', SERVICES),
  governmentHorizon: num(120, 1, 1200, 'months', 'Months over which a government counts its chance of surviving an attack', 'Assumption: two or three terms', SERVICES, true),
  electoralPull: num(0.5, 0, 1, 'share', 'How far elections pull the government’s weight toward voters’ (services)', 'Assumption', SERVICES),
  knowledge: choice('commons', ['commons', 'patents'], 'commons: innovations spread along links; patents: the holder keeps them for the term or licenses them', 'MODEL.md institution switch', KNOWLEDGE),
  patentTerm: num(240, 0, 1200, 'months', 'Patent term', '20 years (TRIPS)', KNOWLEDGE, true),
  diffusionRate: num(0.05, 0, 1, 'per link per month', 'Chance an innovation known across a trade or federation link is adopted', 'Assumption: adoption lags of years', KNOWLEDGE),
  licenceRate: num(0.01, 0, 1, 'per link per month', 'Chance a patented innovation is licensed across a link', 'Assumption', KNOWLEDGE),
  licenceFee: num(12, 0, 1200, 'months of the gain', 'A licence costs this many months of the licensee’s extra output', 'Assumption', KNOWLEDGE),
  innovationGain: num(0.02, 0, 1, 'share', 'Technology gain of one innovation in its sector', 'Assumption', KNOWLEDGE),
  researchRate: num(0.01, 0, 10, 'innovations per research-worker-year', 'Innovations per full-time research worker per year', 'Assumption', KNOWLEDGE),
  researchShare: num(0.01, 0, 0.5, 'share of labour', 'Share of labour a community puts into research at the reference return', 'Assumption: R&D ≈ 1–3% of output', KNOWLEDGE),
  researchElasticity: num(1, 0, 3, 'elasticity', 'How research effort follows its expected private return', 'Assumption', KNOWLEDGE),
  reputationValue: num(12, 0, 1200, 'months of own gain', 'Private value of the reputation an innovation brings its maker', 'Assumption (open-source studies)', KNOWLEDGE),
  reciprocityValue: num(6, 0, 1200, 'months of own gain per link', 'Private value, per link, of access to partners’ innovations in return for sharing', 'Essay: access to all improvements others make', KNOWLEDGE),
  ownUseMonths: num(60, 0, 1200, 'months', 'Horizon over which an innovation’s own use is valued', 'Assumption', KNOWLEDGE),
  aggressors: num(0, 0, 8, 'states', 'Outside States at the map’s edge', 'Q3, Q7 scenarios turn them on', DEFENCE, true),
  aggressorStrength: num(20, 0, 1e6, 'soldier-equivalents', 'Initial strength of each outside State', 'Assumption', DEFENCE),
  aggressorGrowth: num(0.002, 0, 0.1, 'share per month', 'Growth of an outside State’s strength', 'MODEL.md ~0.2% a month', DEFENCE),
  attackRate: num(1 / 36, 0, 1, 'per month', 'Chance an outside State attacks in a month', 'MODEL.md ~1 per 36 months', DEFENCE),
  contestExponent: num(0.4, 0.01, 5, 'exponent m', 'm in P(attacker wins) = Sa^m / (Sa^m + Sd^m)', 'MODEL.md: 10:1 wins ~72% (asymmetric wars ~71%)', DEFENCE),
  defence: choice('militia', ['militia', 'army'], 'militia: trained members; army: full-time soldiers paid from the budget', 'MODEL.md institution switch', DEFENCE),
  militiaTraining: num(0.02, 0, 0.5, 'share of time', 'Share of their time militia members train (lost to production)', 'MODEL.md ~2%', DEFENCE),
  militiaShare: num(0.5, 0, 1, 'share of adults', 'Share of working adults who serve in the militia', 'Assumption (Swiss model)', DEFENCE),
  armySize: num(0.005, 0, 0.2, 'soldiers per person', 'Full-time soldiers per person under a standing army', '≈ 0.3–1% in modern states', DEFENCE),
  soldierPay: num(1.5, 0, 100, 'food units per month', 'Upkeep of a soldier (pay and kit)', 'Assumption: a worker’s product', DEFENCE),
  aggressorRange: num(32, 1, 10_000, 'cells', 'An outside State’s strength at distance d from its base is S / (1 + d / range)', 'Loss-of-strength gradient (Boulding 1962)', DEFENCE),
  armyConcentration: num(0.5, 0, 1, 'share', 'Share of a standing army (paid from a central purse) that reaches any one battle', 'Assumption: a standing force can move to the threat', DEFENCE),
  trainingMax: num(0.1, 0, 0.5, 'share of time', 'Most of their time a threatened community votes its militia to train', 'Assumption', DEFENCE),
  terrainEffect: num(1, 0, 10, 'per unit elevation', 'Defence multiplies by (1 + this·mean elevation of the community’s cells)', 'Assumption: hills favour defenders', DEFENCE),
  allyReach: num(12, 0, 1000, 'cells', 'Federation partners within this distance answer a call', 'Assumption', DEFENCE),
  allyShare: num(0.5, 0, 1, 'share', 'Share of an ally’s strength that answers', 'Assumption', DEFENCE),
  seizedShare: num(0.3, 0, 1, 'share', 'Share of an annexed community’s wealth taken', 'Assumption', DEFENCE),
  tributeShare: num(0.2, 0, 1, 'share of output', 'Tribute an annexed community pays each month', 'Assumption', DEFENCE),
  warDestruction: num(0.05, 0, 1, 'share', 'Share of the defender’s goods destroyed in a battle', 'Assumption', DEFENCE),
  battleLoss: num(0.1, 0, 1, 'share', 'Share of the weaker side’s strength each side loses in a battle', 'Assumption', DEFENCE),
  garrisonShare: num(0.05, 0, 1, 'share of strength', 'Share of an outside State’s strength that garrisons each annexed community', 'Assumption', DEFENCE),
  breakFreeRate: num(1 / 24, 0, 1, 'per month', 'Chance an annexed community rises in a month', 'Assumption', DEFENCE),
  crisisResponse: choice('unarmed', ['unarmed', 'armed'], 'unarmed: specialised responders (health and relief); armed: police', 'MODEL.md institution switch', CRISES),
  crisisRate: num(0.002, 0, 0.1, 'per person per month', 'Internal crises per person per month', 'Assumption', CRISES),
  mentalHealthShare: num(0.5, 0, 1, 'share of crises', 'Share of crises that are mental-health crises', THIN + 'order of US call data', CRISES),
  disasterShare: num(0.2, 0, 1, 'share of crises', 'Share of crises that are disasters (the rest: interpersonal conflict)', THIN + 'assumption', CRISES),
  armedIncidentShare: num(0.1, 0, 1, 'share', 'Share of interpersonal conflicts in which someone is armed (mental-health: a fifth of it; disasters: none)', THIN + 'assumption', CRISES),
  unarmedFit: num(0.8, 0, 1, 'probability', 'Chance specialised unarmed responders resolve an unarmed mental-health or disaster crisis (conflicts: 0.75 of it)', THIN + 'crisis-team reports', CRISES),
  armedFit: num(0.5, 0, 1, 'probability', 'Chance armed police resolve an unarmed crisis (an armed one: 1.5 times it, capped at 1)', THIN + 'assumption', CRISES),
  unarmedEscalation: num(0.3, 0, 1, 'probability', 'Chance a crisis turns violent when unarmed responders meet an armed incident (swept: the comparison flips)', THIN + 'no evidence; crisis-sweep crosses the flip', CRISES),
  armedEscalation: num(0.05, 0, 1, 'probability', 'Chance an armed response turns an unarmed crisis violent', THIN + 'use-of-force studies, order of magnitude', CRISES),
  unresolvedViolence: num(0.1, 0, 1, 'probability', 'Chance an unresolved crisis turns violent', THIN + 'assumption', CRISES),
  policePerPerson: num(0.002, 0, 0.05, 'officers per person', 'Armed police paid from the budget under armed response', '≈ 0.2% in modern states', CRISES),
  degradation: num(0.02, 0, 1, 'capacity per unit overdraft', 'Carrying capacity lost per unit of resource taken beyond what the cell regrew', 'Assumption', ECOLOGY),
  stewardship: num(0.01, 0, 1, 'share per month', 'Restoration of lost capacity per month at full stewardship (civic norm × users’ accountability)', 'Ostrom: users who answer to each other keep commons', ECOLOGY),
  ownerStewardship: num(0.5, 0, 1, 'stewardship level', 'Under landlords: the least stewardship proprietors give the land they own, whatever the users’ norms', 'Demsetz 1967: owners internalise depletion; the size is an assumption, sweep it', ECOLOGY),
} satisfies ParamTable;

/** Resolved services parameters. */
export type ServicesParams = ParamValues<typeof servicesParams>;
