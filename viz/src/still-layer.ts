/**
 * A map layer that never changes once painted (the terrain, the watershed lines), shown as an
 * image rather than drawn on the map's canvas: a canvas is handed to the compositor again at
 * many commits, each a synchronous round trip to the GPU process, which stalled frames when
 * the machine was busy; an image is decoded once and stays put.
 */
export class StillLayer {
  readonly element: HTMLImageElement;
  private url?: string;
  private visible = true;
  // A newer picture may be asked for before the older one is encoded: only the latest is shown.
  private generation = 0;

  constructor(className: string) {
    this.element = document.createElement('img');
    this.element.className = `map-layer ${className}`;
    this.element.alt = '';
    this.element.hidden = true;
  }

  /** Shows a canvas's pixels from now on (encoded off the page's thread), or nothing. */
  paint(canvas: HTMLCanvasElement | undefined): void {
    const generation = ++this.generation;
    this.release();
    this.refreshVisibility();
    canvas?.toBlob((blob) => {
      if (!blob || generation !== this.generation) return;
      this.url = URL.createObjectURL(blob);
      this.element.src = this.url;
      this.refreshVisibility();
    }, 'image/png');
  }

  /** Shows or hides the layer (a layer switch). */
  show(visible: boolean): void {
    this.visible = visible;
    this.refreshVisibility();
  }

  private refreshVisibility(): void {
    this.element.hidden = !this.visible || !this.url;
  }

  private release(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
    this.element.removeAttribute('src');
  }
}
