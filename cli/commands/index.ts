/** Every command of the `polycentric` CLI: one line per command file, each exporting `register(cli)`. */
export { register as run } from './run.js';
export { register as validate } from './validate.js';
export { register as list } from './list.js';
export { register as sweep } from './sweep.js';
export { register as merge } from './merge.js';
export { register as view } from './view.js';
export { register as compare } from './compare.js';
export { register as sensitivity } from './sensitivity.js';
