import type { ParamTable, ParamValues } from '../../sim/index.js';
import { numberParam as num, booleanParam as flag, enumParam as choice } from '../../sim/index.js';
import { servicesParams } from './params-services.js';
import { governanceParams } from './params-governance.js';


const SCALE = 'scale';
const LAND = 'land';
const PEOPLE = 'people';
const WORK = 'production';
const SHARE = 'distribution';
const MARKET = 'exchange';
const INST = 'institutions';
const CHECK = 'validation';

/** Every parameter of the society model: default, unit, range, meaning, source, group. */
export const societyParams = {
  population: num(10_000, 10, 2_000_000, 'persons', 'Initial number of persons', 'MODEL.md default society', SCALE, true),
  communities: num(100, 1, 20_000, 'communities', 'Initial number of communities', 'MODEL.md: ~100 communities for 10,000 persons', SCALE, true),
  communitySizeSpread: num(1, 0, 3, 'log-sd', 'Spread (sd of the log) of the lognormal community sizes', 'MODEL.md: sizes roughly 10 to 2,000', SCALE),
  cellsPerPerson: num(0.41, 0.01, 100, 'cells per person', 'Land cells per initial person; the square map grows with population', 'MODEL.md: 64×64 cells for 10,000 persons', LAND),
  terrainOctaves: num(4, 1, 8, 'octaves', 'Octaves of the value-noise terrain', 'Enough for hills and valleys at several scales', LAND, true),
  terrainScale: num(16, 2, 256, 'cells', 'Cells per lattice step of the coarsest terrain octave', 'Gives a few dozen watersheds on a 64×64 map', LAND),
  resourceRegrowth: num(0.05, 0, 1, 'share per month', 'Logistic regrowth rate of each cell’s renewable resource', 'Assumption: forests, fish and soil recover over years, not months', LAND),
  harvestPerFood: num(0.0003, 0, 1, 'resource units per food unit', 'Resource stock drawn down per unit of food produced', 'Assumption: sustainable at the default population, depleting when dense', LAND),
  cellsPerCommunity: num(9, 1, 400, 'cells', 'Cells a community of average size uses (usufruct), scaled by its size', 'Assumption: land used in proportion to members', LAND),
  birthRate: num(0.0015, 0, 0.01, 'births per person per month', 'Birth rate per adult member', 'MODEL.md: ~0.0015 per person per month', PEOPLE),
  mortalityBase: num(0.00003, 0, 0.01, 'per month', 'Gompertz baseline hazard at age 0', 'Gompertz law; gives life expectancy near 75 years', PEOPLE),
  mortalityGrowth: num(0.085, 0, 0.3, 'per year of age', 'Gompertz growth of the hazard with age', 'Human adult mortality doubles every ~8 years', PEOPLE),
  hungerMortality: num(1, 0, 10, 'hazard multiple', 'Extra mortality from hunger: the hazard is multiplied by 1 + this × (1 − needs met last month)', 'Thin evidence: famine mortality rises steeply with deficit; 1 doubles the hazard at zero food', PEOPLE),
  adultAge: num(15, 10, 21, 'years', 'Age from which a person works and counts as one adult-equivalent', 'Assumption', PEOPLE),
  retirementAge: num(70, 40, 100, 'years', 'Age at which a person stops working and is fed by a carer (a working relative)', 'Assumption', PEOPLE),
  skillSpread: num(0.5, 0, 2, 'log-sd', 'Spread of skills between persons (sd of log skill)', 'Assumption: earnings-ability dispersion of this order', PEOPLE),
  civicNormMean: num(0.5, 0, 1, 'share', 'Mean initial civic norm θ (how strongly freedom and responsibility are linked)', 'Assumption; Q5 sweeps it', PEOPLE),
  initialWealth: num(6, 0, 1000, 'food units', 'Mean initial food holding per person (manufactures the same)', 'About half a year of food: a buffer', PEOPLE),
  foodElasticity: num(0.3, 0, 0.9, 'exponent a', 'Land exponent in food production (diminishing returns to labour)', 'MODEL.md a ≈ 0.3', WORK),
  manufacturesElasticity: num(0.1, 0, 0.9, 'exponent a', 'Capital exponent in manufacturing', 'MODEL.md a ≈ 0.1', WORK),
  foodProductivity: num(3, 0, 100, 'food per month', 'Food productivity A per worker at average land, skill and full effort', 'Set so about half the workers feed everyone', WORK),
  manufacturesProductivity: num(2, 0, 100, 'units per month', 'Manufactures productivity A per worker at full effort', 'Assumption', WORK),
  shockSpread: num(0.4, 0, 2, 'log-sd', 'Lognormal output shock per person and month (mean 1)', 'Assumption: harvest and workshop luck; 0 turns shocks off', WORK),
  effortCost: num(1.2, 0.1, 10, 'utility per effort²', 'κ: disutility of effort', 'MODEL.md default form', WORK),
  normWeight: num(0.3, 0, 5, 'utility', 'γ: weight of the civic norm in the effort choice', 'Assumption', WORK),
  detectionBase: num(0.3, 0, 1, 'probability', 'ω: chance a shirker is named in a group small enough to track', 'Assumption', WORK),
  trackableGroup: num(150, 2, 10_000, 'persons', 'D: group size members can keep track of', 'Dunbar (1992); contested', WORK),
  detectionBySize: flag(true, 'Detection falls with group size (π = ω·min(1, D/N)); off: π = ω', 'MODEL.md explicit size channel', WORK),
  sanction: num(0.5, 0, 5, 'utility', 'F: sanction a named shirker expects', 'Assumption; MODEL.md punishers pay c to impose ~3c', WORK),
  switchRate: num(0.1, 0, 1, 'share per month', 'Share of workers who reconsider their sector each month (plans move ≤10% of labour)', 'MODEL.md: planning moves ≤10% a month', WORK),
  production: flag(true, 'Production happens (off only for validation checks)', 'Validation switch', CHECK),
  markets: flag(true, 'Members trade inside and between communities (off only for validation checks)', 'Validation switch', CHECK),
  consumption: flag(true, 'Persons eat, use goods, and goods spoil (off only for validation checks)', 'Validation switch', CHECK),
  sharing: num(0, 0, 1, 'share of output', 'τ: share of each member’s output pooled and given out by need', 'The community policy MODEL.md calls sharing', SHARE),
  commonsRate: num(0.05, 0, 0.5, 'share of output', 'Share of each member’s output paid into the common fund', 'Essay: a set percentage into a common fund', SHARE),
  exitShare: num(0.5, 0, 1, 'share', 'Share of their part of the fund a leaving member may take', 'Policy; used by free association', SHARE),
  fundPayout: num(0.2, 0, 1, 'share per month', 'Share of the fund’s food given each month to members below the food need', 'Assumption: the fund insures', SHARE),
  foodNeed: num(1, 0.1, 10, 'food per adult-equivalent per month', 'f̄: food an adult needs per month (children 0.5)', 'MODEL.md', MARKET),
  foodPreference: num(0.6, 0.05, 0.95, 'share', 'α: weight of food in utility', 'MODEL.md α ≈ 0.6', MARKET),
  foodSpoilage: num(0.3, 0, 1, 'share per month', 'Share of food holdings that spoils each month', 'MODEL.md ~30%', MARKET),
  manufacturesWear: num(0.01, 0, 1, 'share per month', 'Share of manufactures holdings that wear out each month', 'MODEL.md ~1%', MARKET),
  manufacturesUse: num(0.15, 0, 1, 'share per month', 'Share of manufactures a person uses up each month', 'Assumption', MARKET),
  manufacturesTarget: num(3, 0, 100, 'units per adult-equivalent', 'Manufactures a person wants to hold', 'Assumption', MARKET),
  foodBuffer: num(0.5, 0, 10, 'months of need', 'Food a person wants to hold beyond this month’s need', 'Assumption', MARKET),
  priceAdjustment: num(0.1, 0, 1, 'per unit excess demand', 'λ: price markup moves by λ·z each month (0 = pure cost principle)', 'MODEL.md', MARKET),
  hoursPerMonth: num(160, 1, 400, 'hours', 'Hours of full effort in a month (prices are in labour-hours)', 'Full-time month', MARKET),
  creditFloor: num(200, 0, 100_000, 'labour-hours', 'Lowest credit balance a member may run (debt floor)', 'Mutual credit with a limit', MARKET),
  transportCost: num(0.05, 0, 1, 'share lost per 10 cells', 'Share of goods lost in transit between communities per 10 cells', 'Assumption', MARKET),
  tradePartners: num(3, 0, 20, 'communities', 'Nearest communities each community trades with', 'MODEL.md: a few neighbours, not all pairs', MARKET, true),
  randomExchangeTrades: num(0, 0, 1000, 'trades per person per month', 'Random-pair exchanges of continuous amounts of food (validation: Drăgulescu & Yakovenko 2000)', 'Validation switch; 0 = off', CHECK),
  capitalPerWorker: num(20, 0, 1000, 'manufactures per worker', 'Collective capital a manufacturing worker is equipped with at target', 'Assumption', INST),
  capitalDepreciation: num(0.01, 0, 1, 'share per month', 'Depreciation of collective capital', 'MODEL.md ~1% a month', INST),
  retainedShare: num(0.1, 0, 1, 'share of output', 'Share of manufacturing output a collective keeps to repay its loan', 'Assumption', INST),
  landTenure: choice('usufruct', ['usufruct', 'landlords'], 'usufruct: land used by its users, no rent; landlords: food producers pay rent to proprietors', 'MODEL.md institution switch', INST),
  rentShare: num(0.3, 0, 1, 'share of food output', 'Rent under landlords (the land’s share of output)', 'Equal to the land exponent: the land’s marginal product', INST),
  labour: choice('workerOwned', ['workerOwned', 'wage'], 'workerOwned: workers keep their product; wage: non-proprietors keep the wage share', 'MODEL.md institution switch', INST),
  wageShare: num(0.65, 0, 1, 'share of output', 'Share of their product wage workers keep', 'Labour share of income in rich economies ≈ 0.6–0.7', INST),
  ownerSupervision: num(0.2, 0, 1, 'probability per act', 'Under wage labour: chance a proprietor, as residual claimant, names a wage worker who shirks (on top of the community’s own monitoring)', 'Alchian & Demsetz 1972: the owner-monitor; its size is an assumption, sweep it', INST),
  capital: choice('creditUnion', ['creditUnion', 'interest'], 'creditUnion: loans at cost; interest: proprietors lend and collect interest', 'MODEL.md institution switch', INST),
  interestRate: num(0.005, 0, 0.1, 'share per month', 'Interest on collective debt under interest-bearing investment', '~6% a year', INST),
  investorPace: num(0.25, 0, 1, 'share of the gap per month', 'Under interest-bearing investment: share of a collective’s capital shortfall outside investors fund each month (the union funds 0.1)', 'Assumption: investors pool savings beyond the union’s members, so capital reaches productive hands faster; sweep it', INST),
  inheritance: choice('fund', ['fund', 'heirs'], 'fund: a dead person’s holdings go to the common fund; heirs: to a relative', 'MODEL.md institution switch', INST),
  proprietorShare: num(0.05, 0, 0.5, 'share of members', 'Share of each community (the initially richest) who own where ownership institutions are on', 'Assumption', INST),
  centralBudget: flag(false, 'A central budget taxes every output', 'MODEL.md institution switch', INST),
  taxRate: num(0.25, 0, 0.9, 'share of output', 'Tax rate into the central budget', 'OECD tax take ≈ 0.25–0.45 of output', INST),
  welfareShare: num(0.3, 0, 1, 'share of budget', 'Share of the central budget given back by need; the rest is spent on the state', 'Assumption; presets differ', INST),
  snapshotEvery: num(60, 0, 100_000, 'steps', 'Agent snapshots (persons’ main columns) every k steps; 0 = none', 'Every 5 years: enough to scrub through a run', CHECK, true),
  giniEvery: num(12, 1, 1000, 'steps', 'Exact Gini every k steps; a 1024-bin estimate between', 'Cost: the exact Gini sorts', CHECK, true),
  ...servicesParams,
  ...governanceParams,
} satisfies ParamTable;

/** Resolved society parameters. */
export type SocietyParams = ParamValues<typeof societyParams>;
