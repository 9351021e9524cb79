import { el } from './dom.js';
import { MapView, type MapLayers } from './map.js';
import { POLICY_COLOURS } from './palette.js';

const LAYER_NAMES: [keyof MapLayers, string][] = [
  ['terrain', 'terrain'],
  ['watersheds', 'watersheds'],
  ['resource', 'resource stock'],
  ['links', 'federation links'],
];

/** The map with its layer switches, its legend, and a slot for a community's panel. */
export class MapPanel {
  readonly element: HTMLElement;
  readonly map: MapView;
  readonly detail: HTMLElement;
  private readonly toggles: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly regionPicker: HTMLSelectElement;
  private functions: string | undefined;
  /** Called with the social function whose syndicate regions to show (undefined: none). */
  onOverlay: (serviceFunction: string | undefined) => void = () => {};

  constructor(label: string, caption?: string) {
    this.map = new MapView(label);
    this.toggles = el('fieldset', { class: 'layers' }, el('legend', {}, 'Layers'));
    for (const [key, name] of LAYER_NAMES) {
      const box = el('input', { type: 'checkbox', 'data-layer': key });
      box.checked = this.map.layers[key];
      box.addEventListener('change', () => {
        this.map.layers[key] = box.checked;
        this.map.draw();
      });
      this.toggles.append(el('label', {}, box, ` ${name}`));
    }
    this.regionPicker = el('select', { class: 'regions', 'aria-label': 'Syndicate regions to show' });
    this.regionPicker.addEventListener('change', () => this.onOverlay(this.regionPicker.value || undefined));
    this.toggles.append(el('label', { class: 'region-label' }, 'syndicate regions ', this.regionPicker));
    this.setServiceFunctions([]);
    const legend = el('div', { class: 'legend', 'aria-label': 'Legend' },
      el('span', { class: 'ramp', style: `background: linear-gradient(to right, ${POLICY_COLOURS.mutualist}, #EDEDED, ${POLICY_COLOURS.communist})` }),
      el('span', {}, 'sharing: 0 keep what you make · 1 share it all'),
      el('span', {}, ' ◯ area = population'),
    );
    this.empty = el('p', { class: 'map-empty' }, 'This model has no map; its charts tell its story.');
    this.detail = el('div', { class: 'community-slot' });
    this.element = el('section', { class: 'map-panel' }, ...(caption ? [el('h2', { class: 'side-title' }, caption)] : []), this.map.element, this.empty, legend, this.toggles, this.detail);
    this.refreshVisibility(false);
  }

  /** Offers the functions that have syndicates (the picker hides while there are none). */
  setServiceFunctions(functions: string[]): void {
    const key = functions.join(',');
    if (key === this.functions) return;
    this.functions = key;
    const chosen = this.regionPicker.value;
    this.regionPicker.replaceChildren(new Option('none', ''), ...functions.map((fn) => new Option(fn, fn, false, fn === chosen)));
    (this.regionPicker.parentElement as HTMLElement | null)?.toggleAttribute('hidden', functions.length === 0);
  }

  /** Shows the map parts that apply: land layers and legend for the society, cells only for a grid. */
  refreshVisibility(hasCommunities: boolean): void {
    const drawable = this.map.drawable;
    this.map.element.hidden = !drawable;
    this.empty.hidden = drawable;
    // Without a map the charts take the whole stage.
    this.element.hidden = !drawable;
    this.element.parentElement?.classList.toggle('no-map', !drawable);
    (this.element.querySelector('.legend') as HTMLElement).hidden = !hasCommunities;
    this.toggles.hidden = !hasCommunities;
  }
}
