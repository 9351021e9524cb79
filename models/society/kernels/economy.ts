import type { Kernel } from '../../../sim/index.js';
import { consumeMeals } from './consume.js';
import { distributeIncome } from './distribute.js';
import { exchangeMarket } from './exchange.js';
import { randomExchangePairs } from './exchange-random.js';
import { tradeDeliver } from './exchange-trade.js';

/** Kernels of distribution, exchange and consumption (see kernels/produce.ts for the pattern). */
export const ECONOMY_KERNELS: readonly Kernel[] = [distributeIncome, exchangeMarket, tradeDeliver, randomExchangePairs, consumeMeals];
