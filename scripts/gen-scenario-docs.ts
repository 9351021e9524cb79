// Regenerates docs/scenarios.md and scenarios/schema.json from the registered models' parameter
// tables, so the docs and the editor schema never drift from the code (a test checks they match).
import { writeFileSync } from 'node:fs';
import { MODELS } from '../models/index.js';
import { scenarioDocs } from '../scenarios/docs.js';
import { scenarioJsonSchemaText } from '../scenarios/json-schema.js';
import { sweepJsonSchemaText } from '../scenarios/sweep-schema.js';

const root = new URL('../', import.meta.url);
writeFileSync(new URL('docs/scenarios.md', root), scenarioDocs(MODELS));
writeFileSync(new URL('scenarios/schema.json', root), scenarioJsonSchemaText(MODELS));
console.log('wrote docs/scenarios.md and scenarios/schema.json');
writeFileSync(new URL('scenarios/sweeps/schema.json', root), sweepJsonSchemaText());
