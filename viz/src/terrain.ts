import * as d3 from 'd3';
import type { LandLayers } from './protocol.js';

// Low ground green, then dry grass, rock, and pale summits: an elevation tint readable on a projector.
const elevationTint = d3.interpolateRgbBasis(['#6f9f5c', '#a9b97a', '#cdbf8f', '#b39b7c', '#eeeae2']);

function extent(values: ArrayLike<number>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < low) low = values[i]!;
    if (values[i]! > high) high = values[i]!;
  }
  return high > low ? [low, high] : [low, low + 1];
}

/** Light from the north-west: 1 on slopes facing it, below 1 on slopes facing away. */
export function hillshade(elevation: ArrayLike<number>, width: number, height: number): Float32Array {
  const [low, high] = extent(elevation);
  const relief = 6 / (high - low);
  const at = (x: number, y: number) => elevation[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]!;
  const shade = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (at(x + 1, y) - at(x - 1, y)) * relief;
      const dy = (at(x, y + 1) - at(x, y - 1)) * relief;
      shade[y * width + x] = Math.min(1.15, Math.max(0.55, 0.9 - 0.35 * (dx + dy)));
    }
  }
  return shade;
}

/** RGBA pixels, one per cell: the elevation tint, shaded by the hillshade, blued where water is plentiful. */
export function terrainPixels(land: LandLayers): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, elevation, water } = land;
  const [low, high] = extent(elevation);
  const [waterLow, waterHigh] = water ? extent(water) : [0, 1];
  const shade = hillshade(elevation, width, height);
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const colour = d3.rgb(elevationTint((elevation[i]! - low) / (high - low)));
    const wet = water ? ((water[i]! - waterLow) / (waterHigh - waterLow)) ** 2 * 0.45 : 0;
    pixels[i * 4] = (colour.r * (1 - wet) + 70 * wet) * shade[i]!;
    pixels[i * 4 + 1] = (colour.g * (1 - wet) + 130 * wet) * shade[i]!;
    pixels[i * 4 + 2] = (colour.b * (1 - wet) + 190 * wet) * shade[i]!;
    pixels[i * 4 + 3] = 255;
  }
  return pixels;
}

/** Cell edges between different watersheds, as segments in cell units ([x1, y1, x2, y2] each). */
export function watershedEdges(basin: ArrayLike<number>, width: number, height: number): number[][] {
  const segments: number[][] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const here = basin[y * width + x];
      if (x + 1 < width && basin[y * width + x + 1] !== here) segments.push([x + 1, y, x + 1, y + 1]);
      if (y + 1 < height && basin[(y + 1) * width + x] !== here) segments.push([x, y + 1, x + 1, y + 1]);
    }
  }
  return segments;
}

/** Paints the terrain once onto a canvas `scale` pixels per cell (smoothed between cells). */
export function paintTerrain(land: LandLayers, scale: number): HTMLCanvasElement {
  const cells = document.createElement('canvas');
  cells.width = land.width;
  cells.height = land.height;
  cells.getContext('2d')!.putImageData(new ImageData(terrainPixels(land), land.width, land.height), 0, 0);
  const canvas = document.createElement('canvas');
  canvas.width = land.width * scale;
  canvas.height = land.height * scale;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = true;
  context.drawImage(cells, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** Paints watershed edges once, as thin light lines on a transparent canvas. */
export function paintWatersheds(basin: ArrayLike<number>, width: number, height: number, scale: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d')!;
  context.strokeStyle = 'rgba(255,255,255,0.7)';
  context.lineWidth = 1;
  context.beginPath();
  for (const [x1, y1, x2, y2] of watershedEdges(basin, width, height)) {
    context.moveTo(x1! * scale, y1! * scale);
    context.lineTo(x2! * scale, y2! * scale);
  }
  context.stroke();
  return canvas;
}

/** Resource stock per cell as a translucent green layer (denser green = more stock). */
export function resourcePixels(resource: ArrayLike<number>, maximum: number): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(resource.length * 4);
  for (let i = 0; i < resource.length; i++) {
    pixels[i * 4] = 0;
    pixels[i * 4 + 1] = 110;
    pixels[i * 4 + 2] = 60;
    pixels[i * 4 + 3] = Math.round(180 * Math.min(1, Math.max(0, resource[i]! / maximum)));
  }
  return pixels;
}

/** Syndicate regions as translucent fills: one Okabe–Ito colour per syndicate id, clear where none serves. */
export function regionPixels(cells: ArrayLike<number>, palette: readonly string[]): Uint8ClampedArray<ArrayBuffer> {
  const colours = palette.map((colour) => d3.rgb(colour));
  const pixels = new Uint8ClampedArray(cells.length * 4);
  for (let i = 0; i < cells.length; i++) {
    const id = cells[i]!;
    if (id < 0) continue;
    const colour = colours[id % colours.length]!;
    pixels.set([colour.r, colour.g, colour.b, 120], i * 4);
  }
  return pixels;
}
