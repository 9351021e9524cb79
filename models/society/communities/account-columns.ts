import type { KernelArray } from '../../../sim/index.js';
import type { Account, Collective } from './community.js';
import { GrowingColumns } from './growing-columns.js';

/**
 * Every community's fund and taxes (two accounts a community: slot `2 × id` the fund,
 * `2 × id + 1` the taxes waiting for the central budget) and its collective (slot `id`), in
 * columns. A community's `fund`, `taxes` and `collective` are views of its slots, so phases
 * read and write them as before, while kernels reach the same numbers as arrays (`accounts.*`)
 * on any thread of a threaded run.
 */
export class AccountColumns extends GrowingColumns {
  food: Float64Array;
  manufactures: Float64Array;
  credit: Float64Array;
  capital: Float64Array;
  /** The collective's retained output (its `manufactures`). */
  stock: Float64Array;
  /** The collective's credit-union balance (its `credit`). */
  loan: Float64Array;

  constructor(communities: number, shared: boolean) {
    super(communities, shared);
    const room = this.room;
    this.food = this.column(2 * room);
    this.manufactures = this.column(2 * room);
    this.credit = this.column(2 * room);
    this.capital = this.column(room);
    this.stock = this.column(room);
    this.loan = this.column(room);
  }

  /** The columns for the kernels (tracked as `accounts.*`). */
  arrays(): Readonly<Record<string, KernelArray>> {
    return { food: this.food, manufactures: this.manufactures, credit: this.credit, capital: this.capital, stock: this.stock, loan: this.loan };
  }

  protected grow(room: number): void {
    this.food = this.moved(this.food, 2 * room);
    this.manufactures = this.moved(this.manufactures, 2 * room);
    this.credit = this.moved(this.credit, 2 * room);
    this.capital = this.moved(this.capital, room);
    this.stock = this.moved(this.stock, room);
    this.loan = this.moved(this.loan, room);
  }
}

/** A community's fund or its taxes: its slot of the accounts' columns. */
export class AccountView implements Account {
  constructor(
    private readonly columns: AccountColumns,
    private readonly slot: number,
  ) {}

  get food(): number {
    return this.columns.food[this.slot]!;
  }
  set food(value: number) {
    this.columns.food[this.slot] = value;
  }
  get manufactures(): number {
    return this.columns.manufactures[this.slot]!;
  }
  set manufactures(value: number) {
    this.columns.manufactures[this.slot] = value;
  }
  get credit(): number {
    return this.columns.credit[this.slot]!;
  }
  set credit(value: number) {
    this.columns.credit[this.slot] = value;
  }

  /** The account as a plain object (accessors are not own properties: `JSON.stringify`, spreads). */
  toJSON(): Account {
    return { food: this.food, manufactures: this.manufactures, credit: this.credit };
  }
}

/** A community's collective: its slot of the collectives' columns. */
export class CollectiveView implements Collective {
  constructor(
    private readonly columns: AccountColumns,
    private readonly slot: number,
  ) {}

  get capital(): number {
    return this.columns.capital[this.slot]!;
  }
  set capital(value: number) {
    this.columns.capital[this.slot] = value;
  }
  get manufactures(): number {
    return this.columns.stock[this.slot]!;
  }
  set manufactures(value: number) {
    this.columns.stock[this.slot] = value;
  }
  get credit(): number {
    return this.columns.loan[this.slot]!;
  }
  set credit(value: number) {
    this.columns.loan[this.slot] = value;
  }

  toJSON(): Collective {
    return { capital: this.capital, manufactures: this.manufactures, credit: this.credit };
  }
}

/** Community `id`'s fund, taxes and collective, all empty. */
export function openAccounts(columns: AccountColumns, id: number): { fund: AccountView; taxes: AccountView; collective: CollectiveView } {
  columns.ensure(id);
  const fund = new AccountView(columns, 2 * id);
  const taxes = new AccountView(columns, 2 * id + 1);
  const collective = new CollectiveView(columns, id);
  for (const account of [fund, taxes]) account.food = account.manufactures = account.credit = 0;
  collective.capital = collective.manufactures = collective.credit = 0;
  return { fund, taxes, collective };
}
