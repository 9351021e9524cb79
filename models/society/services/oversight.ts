import { detectionChance } from '../economy/effort.js';
import type { Society } from '../society.js';
import { serviceQuality } from './quality.js';
import { sumPersons } from './person-sums.js';
import { communityColumns, type CommunityColumns } from './community-columns.js';

/** One voter in a syndicate's decision: a served community (weight √population) and its stake. */
export interface ClientVote {
  population: number;
  /** What the change is worth to it per head (utility-free: food units a month); > 0 votes yes. */
  stake: number;
}

/**
 * A syndicate's decision by the weighted vote of its stakeholders: each served community
 * weighs √population (MODEL.md), its workers hold a fixed bloc of `workerBloc` of the
 * communities' total weight and vote `workersFor`. Passes on more weight for than against.
 */
export function weightedVote(clients: readonly ClientVote[], workerBloc: number, workersFor: boolean): boolean {
  let yes = 0;
  let no = 0;
  for (const client of clients) {
    const weight = Math.sqrt(Math.max(0, client.population));
    if (client.stake > 0) yes += weight;
    else no += weight;
  }
  const bloc = workerBloc * (yes + no);
  return (workersFor ? yes + bloc : yes) > (workersFor ? no : no + bloc);
}

/**
 * Yearly, each syndicate's clients and workers vote whether to raise its fee per person
 * served by `feeStep`, else whether to cut it: a community gains the service value of the
 * quality change and pays the fee change per head; workers favour a larger budget (their
 * jobs) and oppose a smaller one. Under one central budget the government decides instead.
 */
export function voteFees(society: Society): void {
  const p = society.params;
  if (p.unitaryBudget || p.feeStep <= 0) return;
  for (const syndicate of society.services.syndicates) {
    const clients = syndicate.clients.filter((c) => society.communities[c]!.population > 0 && !society.defence.isAnnexed(c));
    if (clients.length === 0) continue;
    const persons = clients.reduce((total, c) => total + society.communities[c]!.population, 0);
    for (const direction of [1, -1]) {
      const fee = syndicate.fee * (1 + direction * p.feeStep);
      const gain = p.serviceValue * (serviceQuality(fee * persons, syndicate.skim, p.serviceCost, persons, p.economiesOfScale) - serviceQuality(syndicate.fee * persons, syndicate.skim, p.serviceCost, persons, p.economiesOfScale));
      const votes = clients.map((c) => ({ population: society.communities[c]!.population, stake: gain - (fee - syndicate.fee) }));
      if (!weightedVote(votes, p.workerBloc, direction > 0)) continue;
      society.events.log(society.steps + 1, 'syndicate_fee', { syndicate: syndicate.id, function: syndicate.function, from: syndicate.fee, to: fee, clients: clients.length });
      syndicate.fee = fee;
      break;
    }
  }
}

/**
 * Officials skim when the temptation beats their civic norm and the sanction they expect
 * (the steward's rule of phase 6). They come from the served communities, so their norm is
 * the clients' person-weighted mean; the clients name them with the one detection function
 * over the syndicate's workers (the size channel: a large staff is harder to watch), and a
 * named skim is returned. The expected share skimmed is `syndicateSkim` × (1 − π).
 * `norms`: each community's mean civic norm, when a pass over persons already summed them;
 * `columns`: the communities' populations and enforcement, when already copied this month.
 */
export function overseeSyndicates(society: Society, norms: Float64Array = meanNorms(society), columns: CommunityColumns = communityColumns(society)): void {
  const p = society.params;
  const { population, enforcement: enforcements } = columns;
  for (const syndicate of society.services.syndicates) {
    let persons = 0;
    let norm = 0;
    let enforcement = 0;
    for (const c of syndicate.clients) {
      const n = population[c]!;
      persons += n;
      norm += n * norms[c]!;
      enforcement += n * enforcements[c]!;
    }
    if (persons <= 0) continue;
    syndicate.skim = officialsSkim(p, norm / persons, enforcement / persons, Math.max(1, syndicate.workers));
  }
}

/** The expected share of a syndicate's spending its officials skim (0 when they are honest). */
export function officialsSkim(p: Society['params'], norm: number, enforcement: number, workers: number): number {
  const detection = detectionChance(p, workers);
  const tempted = p.skimTemptation > norm * p.normWeight + detection * enforcement * p.sanction;
  return tempted ? p.syndicateSkim * (1 - detection) : 0;
}

/** Each community's members' mean civic norm (the `people.sums` kernel's). */
function meanNorms(society: Society): Float64Array {
  return sumPersons(society).norms;
}

