import * as d3 from 'd3';
import { federationLinks, type CommunityDatum } from './communities.js';
import type { FrameArray } from './frames.js';
import { OKABE_ITO, sharingColour } from './palette.js';
import type { LandLayers } from './protocol.js';
import { formatValue } from './story.js';
import { StillLayer } from './still-layer.js';
import { paintTerrain, paintWatersheds, regionPixels, resourcePixels } from './terrain.js';

/** The map's switchable layers. */
export interface MapLayers {
  terrain: boolean;
  watersheds: boolean;
  resource: boolean;
  links: boolean;
}

// Groups on a grid: orange and blue first (the same pair as the policy colours), then the rest.
const GROUP_COLOURS = [OKABE_ITO[0], OKABE_ITO[4], OKABE_ITO[2], OKABE_ITO[6], OKABE_ITO[5], OKABE_ITO[1]];

// Pixels per cell on the offscreen canvases; CSS scales the result to the panel.
const SCALE = 8;

function setIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * The map: terrain painted once and shown as an image, watersheds as thin light lines (another
 * image), resource stock as an optional layer on a canvas between them, federation links under community circles whose area
 * tracks population and whose colour is their sharing policy.
 */
export class MapView {
  readonly element: HTMLElement;
  readonly layers: MapLayers = { terrain: true, watersheds: true, resource: false, links: true };
  /** Shared between the two maps of a comparison, so equal circles mean equal populations. */
  radius = d3.scaleSqrt().domain([0, 2000]).range([0, 22]);
  onHover: (community: CommunityDatum | undefined) => void = () => {};
  onSelect: (community: CommunityDatum) => void = () => {};
  private readonly canvas: HTMLCanvasElement;
  private readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly tooltip: HTMLElement;
  private readonly terrain = new StillLayer('terrain');
  private readonly watersheds = new StillLayer('watersheds');
  private land?: LandLayers;
  private grid?: { width: number; height: number };
  private resource?: Float32Array;
  private resourceMax = 1;
  private cells?: Int32Array;
  private communities: CommunityDatum[] = [];
  private highlighted?: number;
  private painted = false;
  private resourceSource?: FrameArray;
  private regions?: Int32Array;
  private regionsSource?: FrameArray;

  constructor(label: string) {
    this.element = document.createElement('div');
    this.element.className = 'map';
    this.element.setAttribute('role', 'img');
    this.element.setAttribute('aria-label', label);
    this.canvas = document.createElement('canvas');
    this.element.append(this.terrain.element, this.canvas, this.watersheds.element);
    this.svg = d3.select(this.element).append('svg').attr('class', 'map-marks');
    this.svg.append('g').attr('class', 'links');
    this.svg.append('g').attr('class', 'marks');
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'map-tooltip';
    this.tooltip.hidden = true;
    this.element.append(this.tooltip);
  }

  /** Whether the current model has anything to draw here. */
  get drawable(): boolean {
    return !!this.land || !!this.grid;
  }

  /** Sets the world the map shows and paints what never changes (terrain, watersheds) once. */
  setWorld(land?: LandLayers, grid?: { width: number; height: number }): void {
    this.land = land;
    this.grid = grid;
    this.terrain.paint(land && paintTerrain(land, SCALE));
    this.watersheds.paint(land?.basin && paintWatersheds(land.basin, land.width, land.height, SCALE));
    this.resource = land?.resource;
    this.resourceMax = land?.resource ? Math.max(1e-9, d3.max(land.resource) ?? 1) : 1;
    const size = land ?? grid;
    if (!size) return;
    this.canvas.width = size.width * SCALE;
    this.canvas.height = size.height * SCALE;
    this.svg.attr('viewBox', `0 0 ${size.width * SCALE} ${size.height * SCALE}`);
    this.element.style.aspectRatio = `${size.width} / ${size.height}`;
    this.communities = [];
    this.cells = undefined;
    this.painted = false;
  }

  /** Sizes circles so the largest community at the start fills about a twentieth of the map's width. */
  fitRadius(communities: CommunityDatum[]): void {
    const largest = d3.max(communities, (c) => c.population) ?? 1;
    const width = (this.land ?? this.grid)?.width ?? 64;
    this.radius = d3.scaleSqrt().domain([0, Math.max(1, largest)]).range([0, (width * SCALE) / 22]);
  }

  /**
   * Takes the latest frame's columns (communities, cells, resource) and redraws: the canvas
   * only when a layer it shows has changed (the terrain itself never does), the marks always.
   */
  update(columns: Record<string, FrameArray>, communities: CommunityDatum[]): void {
    this.communities = communities;
    let canvasChanged = !this.painted;
    if (columns['grid.cells']) {
      this.cells = Int32Array.from(columns['grid.cells']);
      canvasChanged = true;
    }
    if (columns['land.resource'] && columns['land.resource'] !== this.resourceSource) {
      this.resourceSource = columns['land.resource'];
      this.resource = Float32Array.from(columns['land.resource']);
      canvasChanged ||= this.layers.resource;
    }
    const regions = columns['overlay.cells'];
    if (regions !== this.regionsSource) {
      this.regionsSource = regions;
      this.regions = regions && Int32Array.from(regions);
      canvasChanged = true;
    }
    if (canvasChanged) this.draw();
    else this.drawMarks();
  }

  /** Marks one community (linked hover between maps). */
  highlight(id: number | undefined): void {
    this.highlighted = id;
    this.svg.select('g.marks').selectAll<SVGCircleElement, CommunityDatum>('circle').classed('highlighted', (c) => c.id === id);
  }

  /** Redraws the layers that change (cells, resource, regions) and the marks. */
  draw(): void {
    this.painted = true;
    this.terrain.show(this.layers.terrain);
    this.watersheds.show(this.layers.watersheds);
    const cells = !!(this.grid && this.cells);
    const resource = !!(this.land && this.resource && this.layers.resource);
    const regions = !!(this.land && this.regions);
    // With nothing changing to show, the canvas is left out of the page altogether.
    this.canvas.hidden = !cells && !resource && !regions;
    const context = this.canvas.getContext('2d')!;
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (cells) this.drawCells(context);
    if (resource) this.drawResource(context);
    if (regions) this.drawSmall(context, regionPixels(this.regions!, OKABE_ITO));
    this.drawMarks();
  }

  private drawCells(context: CanvasRenderingContext2D): void {
    const { width, height } = this.grid!;
    const image = new ImageData(width, height);
    this.cells!.forEach((group, i) => {
      const colour = d3.rgb(group < 0 ? '#f4f4f4' : GROUP_COLOURS[group % GROUP_COLOURS.length]!);
      image.data.set([colour.r, colour.g, colour.b, 255], i * 4);
    });
    const small = document.createElement('canvas');
    small.width = width;
    small.height = height;
    small.getContext('2d')!.putImageData(image, 0, 0);
    context.imageSmoothingEnabled = false;
    context.drawImage(small, 0, 0, this.canvas.width, this.canvas.height);
  }

  private drawResource(context: CanvasRenderingContext2D): void {
    this.drawSmall(context, resourcePixels(this.resource!, this.resourceMax), true);
  }

  /** Draws one pixel per cell, scaled up to the map (smoothed for fields, sharp for regions). */
  private drawSmall(context: CanvasRenderingContext2D, pixels: Uint8ClampedArray<ArrayBuffer>, smooth = false): void {
    const { width, height } = this.land!;
    const small = document.createElement('canvas');
    small.width = width;
    small.height = height;
    small.getContext('2d')!.putImageData(new ImageData(pixels, width, height), 0, 0);
    context.imageSmoothingEnabled = smooth;
    context.drawImage(small, 0, 0, this.canvas.width, this.canvas.height);
  }

  private drawMarks(): void {
    const at = (value: number) => String((value + 0.5) * SCALE);
    const links = this.layers.links ? federationLinks(this.communities) : [];
    this.svg.select('g.links').selectAll<SVGLineElement, [CommunityDatum, CommunityDatum]>('line').data(links).join('line').each((link, i, lines) => {
      const line = lines[i]!;
      setIfChanged(line, 'x1', at(link[0].x));
      setIfChanged(line, 'y1', at(link[0].y));
      setIfChanged(line, 'x2', at(link[1].x));
      setIfChanged(line, 'y2', at(link[1].y));
    });
    this.svg.select('g.marks').selectAll<SVGCircleElement, CommunityDatum>('circle').data(this.communities, (c) => c.id)
      .join((enter) => this.enterCircle(enter))
      .each((community, i, circles) => this.drawCircle(circles[i]!, community, at));
  }

  /** Writes only what changed: a hundred circles rewritten every frame kept the page restyling them all. */
  private drawCircle(circle: SVGCircleElement, community: CommunityDatum, at: (value: number) => string): void {
    setIfChanged(circle, 'cx', at(community.x));
    setIfChanged(circle, 'cy', at(community.y));
    // Hundredths of a pixel: finer changes cannot be seen, and skipping them saves a restyle.
    setIfChanged(circle, 'r', Math.max(2, this.radius(community.population)).toFixed(2));
    setIfChanged(circle, 'fill', sharingColour(community.sharing));
    setIfChanged(circle, 'aria-label', `Community ${community.id}: ${formatValue(community.population)} people, sharing ${formatValue(community.sharing)}`);
    circle.classList.toggle('annexed', community.annexed);
    circle.classList.toggle('highlighted', community.id === this.highlighted);
  }

  private enterCircle(enter: d3.Selection<d3.EnterElement, CommunityDatum, d3.BaseType, unknown>) {
    return enter.append('circle').attr('tabindex', 0).attr('role', 'button')
      .on('mouseenter focus', (event: Event, c) => this.showTooltip(event, c))
      .on('mouseleave blur', () => this.hideTooltip())
      .on('click', (_event, c) => this.onSelect(c))
      .on('keydown', (event: KeyboardEvent, c) => (event.key === 'Enter' || event.key === ' ') && this.onSelect(c));
  }

  private showTooltip(event: Event, community: CommunityDatum): void {
    const current = this.communities.find((c) => c.id === community.id) ?? community;
    this.tooltip.hidden = false;
    this.tooltip.textContent = `Community ${current.id}: ${formatValue(current.population)} people, sharing ${formatValue(current.sharing)}, fund ${formatValue(current.fund)}${current.annexed ? ' (annexed)' : ''}`;
    const box = this.element.getBoundingClientRect();
    const target = (event.target as Element).getBoundingClientRect();
    this.tooltip.style.left = `${Math.min(box.width - 220, target.right - box.left + 6)}px`;
    this.tooltip.style.top = `${target.top - box.top}px`;
    this.onHover(current);
  }

  private hideTooltip(): void {
    this.tooltip.hidden = true;
    this.onHover(undefined);
  }
}
