// Plain names for MODEL.md's metrics (and the classic models'); anything else is spelled out from snake_case.
const TITLES: Record<string, string> = {
  population: 'Population',
  communities: 'Communities',
  federations: 'Federations',
  syndicates: 'Syndicates',
  mean_wealth: 'Mean wealth',
  gini_wealth: 'Wealth inequality (Gini)',
  gini_income: 'Income inequality (Gini)',
  max_wealth_ratio: 'Richest person ÷ mean non-negative net worth',
  poverty_rate: 'Poverty rate',
  mean_welfare: 'Welfare (mean utility)',
  sharing_mean: 'Average sharing τ',
  share_communist: 'Share of communities sharing ≥ 90%',
  share_mutualist: 'Share of communities sharing ≤ 10%',
  free_riding_rate: 'Free-riding rate',
  detection_rate: 'Detection rate',
  civic_norm_mean: 'Civic norm θ (mean)',
  participation: 'Participation in assemblies',
  resource_stock: 'Resource stock',
  tech_mean: 'Technology (mean)',
  max_wealth: 'Largest wealth',
  total_wealth: 'Total wealth',
};

/** A metric's title for a chart. */
export function metricTitle(name: string): string {
  if (TITLES[name]) return TITLES[name]!;
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The metrics charted before the user chooses: the headline ones the model has, else its first three. */
export function defaultMetrics(names: string[]): string[] {
  const preferred = ['gini_wealth', 'mean_welfare', 'population', 'communities', 'sharing_mean', 'poverty_rate'].filter((name) => names.includes(name));
  const chosen = preferred.slice(0, 4);
  for (const name of names) if (chosen.length < 3 && name !== 'step' && !chosen.includes(name)) chosen.push(name);
  return chosen;
}
