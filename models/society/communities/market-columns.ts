import type { KernelArray } from '../../../sim/index.js';
import { GrowingColumns } from './growing-columns.js';
import type { Market } from './community.js';

/**
 * Every community's two markets (food, manufactures) and last month's hours by sector, in
 * columns: two slots per community, `2 × id + sector`. A community's `food`, `manufactures`
 * and `hours` are views over its slots (below), so the phases read and write them as before,
 * while kernels reach the same numbers as arrays (`markets.price`, …: `arrays()`), on any
 * thread of a threaded run, and passes over every community read memory in sequence rather
 * than one object after another all over the heap.
 */
export class MarketColumns extends GrowingColumns {
  labourCost: Float64Array;
  productivity: Float64Array;
  output: Float64Array;
  markup: Float64Array;
  price: Float64Array;
  unmet: Float64Array;
  unsold: Float64Array;
  /** Hours worked last month, by sector (the communities' `hours`). */
  hours: Float64Array;

  constructor(communities: number, shared: boolean) {
    super(communities, shared);
    const slots = 2 * this.room;
    this.labourCost = this.column(slots);
    this.productivity = this.column(slots);
    this.output = this.column(slots);
    this.markup = this.column(slots);
    this.price = this.column(slots);
    this.unmet = this.column(slots);
    this.unsold = this.column(slots);
    this.hours = this.column(slots);
  }

  /** The columns for the kernels (tracked as `markets.*`). */
  arrays(): Readonly<Record<string, KernelArray>> {
    return {
      labourCost: this.labourCost, productivity: this.productivity, output: this.output, markup: this.markup,
      price: this.price, unmet: this.unmet, unsold: this.unsold, hours: this.hours,
    };
  }

  protected grow(room: number): void {
    const slots = 2 * room;
    this.labourCost = this.moved(this.labourCost, slots);
    this.productivity = this.moved(this.productivity, slots);
    this.output = this.moved(this.output, slots);
    this.markup = this.moved(this.markup, slots);
    this.price = this.moved(this.price, slots);
    this.unmet = this.moved(this.unmet, slots);
    this.unsold = this.moved(this.unsold, slots);
    this.hours = this.moved(this.hours, slots);
  }
}

/** A community's market in one sector: its slot of the columns. */
export class MarketView implements Market {
  constructor(
    private readonly columns: MarketColumns,
    private readonly slot: number,
  ) {}

  get labourCost(): number {
    return this.columns.labourCost[this.slot]!;
  }
  set labourCost(value: number) {
    this.columns.labourCost[this.slot] = value;
  }
  get productivity(): number {
    return this.columns.productivity[this.slot]!;
  }
  set productivity(value: number) {
    this.columns.productivity[this.slot] = value;
  }
  get output(): number {
    return this.columns.output[this.slot]!;
  }
  set output(value: number) {
    this.columns.output[this.slot] = value;
  }
  get markup(): number {
    return this.columns.markup[this.slot]!;
  }
  set markup(value: number) {
    this.columns.markup[this.slot] = value;
  }
  get price(): number {
    return this.columns.price[this.slot]!;
  }
  set price(value: number) {
    this.columns.price[this.slot] = value;
  }
  get unmet(): number {
    return this.columns.unmet[this.slot]!;
  }
  set unmet(value: number) {
    this.columns.unmet[this.slot] = value;
  }
  get unsold(): number {
    return this.columns.unsold[this.slot]!;
  }
  set unsold(value: number) {
    this.columns.unsold[this.slot] = value;
  }

  /** The market's numbers as a plain object (accessors are not own properties: `JSON.stringify`, spreads). */
  toJSON(): Market {
    const { labourCost, productivity, output, markup, price, unmet, unsold } = this;
    return { labourCost, productivity, output, markup, price, unmet, unsold };
  }
}

/** A community's hours worked last month by sector: its two slots of `hours`. */
export class HoursView {
  constructor(
    private readonly columns: MarketColumns,
    private readonly slot: number,
  ) {}

  get food(): number {
    return this.columns.hours[this.slot]!;
  }
  set food(value: number) {
    this.columns.hours[this.slot] = value;
  }
  get manufactures(): number {
    return this.columns.hours[this.slot + 1]!;
  }
  set manufactures(value: number) {
    this.columns.hours[this.slot + 1] = value;
  }

  toJSON(): { food: number; manufactures: number } {
    return { food: this.food, manufactures: this.manufactures };
  }
}

/**
 * Community `id`'s markets, opened at a labour cost per unit for each sector (markup 1, price
 * at cost, nothing produced or left over yet), and its hours at zero.
 */
export function openMarkets(columns: MarketColumns, id: number, labourCostFood: number, labourCostManufactures: number): { food: MarketView; manufactures: MarketView; hours: HoursView } {
  columns.ensure(id);
  const food = new MarketView(columns, 2 * id);
  const manufactures = new MarketView(columns, 2 * id + 1);
  for (const [market, labourCost] of [[food, labourCostFood], [manufactures, labourCostManufactures]] as const) {
    market.labourCost = labourCost;
    market.productivity = 0;
    market.output = 0;
    market.markup = 1;
    market.price = labourCost;
    market.unmet = 0;
    market.unsold = 0;
  }
  const hours = new HoursView(columns, 2 * id);
  hours.food = hours.manufactures = 0;
  return { food, manufactures, hours };
}
