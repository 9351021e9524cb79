import { InlineSideTask, type ShardRunner, type SideTask } from '../../../sim/index.js';
import { DiffusionHandler, type DiffusionAnswer, type DiffusionMonth } from './diffusion-task.js';
import { SECTORS, type Innovation } from './innovation.js';
import type { FlatLinks } from './links.js';

/** What the knowledge phases count each step, for the metrics. */
export interface KnowledgeCounters {
  innovations: number;
  adoptions: number;
  licences: number;
}

/** Fresh counters for a step. */
export function zeroKnowledgeCounters(): KnowledgeCounters {
  return { innovations: 0, adoptions: 0, licences: 0 };
}

/** The collection's figures of the knowledge stock for a step. */
export interface KnowledgeFigures {
  /** Technology averaged over sectors, weighted by population, over the communities the stock knows. */
  techMean: number;
  adoptions: number;
  licences: number;
}

/** What a community's collection row needs of it. */
export interface CountedCommunity {
  readonly id: number;
  readonly population: number;
}

/** A month of spread as the diffusion phase describes it (the state adds what research left). */
export type MonthOfSpread = Omit<DiffusionMonth, 'start' | 'parents' | 'innovations' | 'census'>;

/**
 * Each community's research effort, the month's links, and the technology the knowledge stock
 * gives each community. The stock itself — who knows which innovation — and the diffusion
 * stream live with the diffusion task (knowledge/diffusion-task.ts): research hands it the
 * month's new communities and innovations, diffusion the month of spread, and the technology
 * comes back once the month is settled. In a threaded run the task has a thread of its own,
 * so the spread goes on while the step's later phases run: whatever reads the technology
 * settles it first (`level`, `meanLevel`, `size`), and the collection takes the month's figures
 * without waiting for it (`figures`, filled in later by `amend`).
 */
export class KnowledgeState {
  nextId = 0;
  /** Per community: share of labour in research this month. */
  researchShare: Float64Array;
  counters: KnowledgeCounters = zeroKnowledgeCounters();
  /** This month's knowledge links (shared by research and diffusion) and the step they were built in. */
  links: FlatLinks | null = null;
  linksStep = -1;
  /** Ask each month how many communities know each innovation (`lastAnswer.knownBy`), for tests. */
  census = false;
  /** The last month settled. */
  lastAnswer: DiffusionAnswer | undefined;
  /** Communities the stock knows, or will once the month handed over is handled. */
  private known: number;
  private readonly initial: number;
  /** Technology per community and sector as the last settled month left it (1 before any). */
  private tech: Float64Array;
  private techCommunities: number;
  /** What research added since the last month handed over. */
  private parents: number[] = [];
  private innovations: Innovation[] = [];
  /** The last month an innovation is patented (licences can only come before it). */
  private latestExpiry = -Infinity;
  private task: SideTask | undefined;
  /** A month handed over and not yet settled. */
  private awaiting = false;
  /**
   * Fills in a collected row's figures once its month is settled (the society's collector):
   * a threaded run collects a step's row while the month may still be spreading.
   */
  amend: ((row: number, figures: KnowledgeFigures) => void) | undefined;
  /** The row whose figures were asked last, and those figures (NaN while they wait for `amend`). */
  private figuresRow = -1;
  private rowFigures: KnowledgeFigures = { techMean: Number.NaN, adoptions: Number.NaN, licences: Number.NaN };
  /** A row collected before its month was settled: the communities the stock knows, with their populations then. */
  private late: { row: number; ids: Int32Array; populations: Float64Array; licences: number } | undefined;

  constructor(communities: number) {
    this.known = this.initial = this.techCommunities = communities;
    this.tech = new Float64Array(communities * SECTORS).fill(1);
    this.researchShare = new Float64Array(communities);
  }

  /** Communities the stock knows (after research adds a month's new ones). */
  get communities(): number {
    return this.known;
  }

  /** Grows to n communities; each new one starts with what `parentOf(id)` knows. */
  ensure(n: number, parentOf: (id: number) => number): void {
    for (let id = this.known; id < n; id++) this.parents.push(parentOf(id));
    this.known = Math.max(this.known, n);
    if (this.researchShare.length < n) {
      const share = new Float64Array(n);
      share.set(this.researchShare);
      this.researchShare = share;
    }
  }

  /** A new innovation, for the stock with the month's spread. */
  add(innovation: Innovation): void {
    this.innovations.push(innovation);
    this.latestExpiry = Math.max(this.latestExpiry, innovation.expires);
  }

  /** Whether a month at `step` may grant licences (some innovation still patented, licences possible). */
  mayLicence(step: number, licenceRate: number): boolean {
    return licenceRate > 0 && step < this.latestExpiry;
  }

  /**
   * Hands the month over to the diffusion task — on the runner's side thread where it has one,
   * else on this thread — with what research added since the last month.
   */
  handOver(runner: ShardRunner, seed: number, month: MonthOfSpread): void {
    this.settle();
    const first = this.task === undefined;
    this.task ??= runner.side('diffusion') ?? new InlineSideTask(new DiffusionHandler());
    const message: DiffusionMonth = { ...month, parents: this.parents, innovations: this.innovations, census: this.census };
    if (first) message.start = { communities: this.initial, seed };
    this.parents = [];
    this.innovations = [];
    this.task.post(message);
    this.awaiting = true;
  }

  /**
   * Waits for the month handed over (nothing if none): its technology and adoptions are then
   * current. Returns its answer, undefined when there was none to wait for. Licences move funds,
   * so only the diffusion phase, which waits for any month that may grant them (`mayLicence`),
   * takes them (`payingLicences`); anywhere else a month with licences is an error.
   */
  settle(payingLicences = false): DiffusionAnswer | undefined {
    if (!this.awaiting) return undefined;
    this.awaiting = false;
    const answers = this.task!.settle() as DiffusionAnswer[];
    const answer = answers[answers.length - 1]!;
    if (answer.licences.length > 0 && !payingLicences) throw new Error('the diffusion task granted licences in a month the phase did not wait for');
    this.tech = answer.tech;
    this.techCommunities = answer.tech.length / SECTORS;
    this.counters.adoptions = answer.adoptions;
    this.lastAnswer = answer;
    const late = this.late;
    if (late) {
      this.late = undefined;
      this.amend?.(late.row, this.figuresOf(late));
    }
    return answer;
  }

  /**
   * The figures for collected row `row` (asked once per metric; computed once). A month on this
   * thread is settled at no cost, so its figures come at once. A month still spreading on a thread
   * of its own is not waited for: the row gets NaN for now, and the true figures, computed from
   * the populations as they are now, once the month is settled (`amend`, at the latest before the
   * collected rows are read). Either way the row ends with the same numbers.
   */
  figures(row: number, communities: readonly CountedCommunity[]): KnowledgeFigures {
    if (row === this.figuresRow) return this.rowFigures;
    this.figuresRow = row;
    const later = this.awaiting && !(this.task instanceof InlineSideTask);
    if (!later) this.settle();
    // The communities the stock knows (once the month handed over is handled), with their populations now.
    let n = 0;
    for (let k = 0; k < communities.length; k++) if (communities[k]!.id < this.known) n++;
    const counted = { row, ids: new Int32Array(n), populations: new Float64Array(n), licences: this.counters.licences };
    for (let k = 0, i = 0; k < communities.length; k++) {
      const community = communities[k]!;
      if (community.id >= this.known) continue;
      counted.ids[i] = community.id;
      counted.populations[i++] = community.population;
    }
    if (later) this.late = counted;
    this.rowFigures = later ? { techMean: Number.NaN, adoptions: Number.NaN, licences: Number.NaN } : this.figuresOf(counted);
    return this.rowFigures;
  }

  /** A row's figures from the communities it counted, once its month is settled. */
  private figuresOf(counted: { ids: Int32Array; populations: Float64Array; licences: number }): KnowledgeFigures {
    return { techMean: this.techMean(counted.ids, counted.populations), adoptions: this.counters.adoptions, licences: counted.licences };
  }

  /** Forgets which row's figures were asked last (a new collector counts its rows from 0). */
  forgetFigures(): void {
    this.figuresRow = -1;
  }

  /** Technology averaged over sectors and weighted by population, over communities `ids` (in order); 1 for none with members. */
  private techMean(ids: Int32Array, populations: Float64Array): number {
    let persons = 0, total = 0;
    for (let k = 0; k < ids.length; k++) {
      persons += populations[k]!;
      total += populations[k]! * this.meanLevel(ids[k]!);
    }
    return persons > 0 ? total / persons : 1;
  }

  /** Communities with a technology (others count as 1). */
  get size(): number {
    this.settle();
    return this.techCommunities;
  }

  /** Technology of a community in a sector: 1 for one the stock does not know yet. */
  level(community: number, sector: number): number {
    this.settle();
    return community < this.techCommunities ? this.tech[community * SECTORS + sector]! : 1;
  }

  /** Mean of the sectors' technology for a community. */
  meanLevel(community: number): number {
    let total = 0;
    for (let s = 0; s < SECTORS; s++) total += this.level(community, s);
    return total / SECTORS;
  }
}
