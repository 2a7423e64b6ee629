/**
 * SVG choropleths drawn with d3-geo: one <path> per country or region, each carrying its code
 * (data-code), its value and a <title> tooltip; linked regions are wrapped in <a> so a click
 * or Enter opens the page behind them. Disputed areas get a hatch pattern and a dashed edge.
 */
import { geoPath, type GeoProjection, type GeoPermissibleObjects } from 'd3-geo';
import { h, s, shownText } from './dom.js';
import type { GeoFeature, RegionProps } from './geo.js';

export interface ChoroplethOptions<P> {
  features: GeoFeature<P>[];
  projection: GeoProjection;
  /** Fit the projection to this object (default: the features). */
  fitTo?: GeoPermissibleObjects;
  width: number;
  height: number;
  label: string;
  key: (f: GeoFeature<P>) => string;
  fill: (f: GeoFeature<P>) => string;
  title: (f: GeoFeature<P>) => string;
  href?: (f: GeoFeature<P>) => string | null;
  /** Extra class per feature: "disputed", "context", "nodata". */
  kind?: (f: GeoFeature<P>) => string | null;
  /** Drawn on top, hatched (e.g. Crimea over the world map's Russia). */
  overlay?: {
    features: GeoFeature<RegionProps>[];
    title: (f: GeoFeature<RegionProps>) => string;
    key: (f: GeoFeature<RegionProps>) => string;
    href?: (f: GeoFeature<RegionProps>) => string | null;
  };
  /** Called with the hovered/focused feature's text (or null) for a live info line. */
  onHover?: (text: string | null) => void;
}

let patternSeq = 0;

export function choropleth<P>(o: ChoroplethOptions<P>): SVGSVGElement {
  const fit = o.fitTo ?? ({ type: 'FeatureCollection', features: o.features } as GeoPermissibleObjects);
  o.projection.fitSize([o.width, o.height], fit);
  const path = geoPath(o.projection);
  const hatch = `hatch-${++patternSeq}`;
  const svg = s('svg', {
    viewBox: `0 0 ${o.width} ${o.height}`,
    class: 'map',
    role: 'group',
    'aria-label': o.label,
    preserveAspectRatio: 'xMidYMid meet',
  });
  svg.append(
    s(
      'defs',
      null,
      s(
        'pattern',
        { id: hatch, patternUnits: 'userSpaceOnUse', width: 4, height: 4, patternTransform: 'rotate(45)' },
        s('rect', { width: 4, height: 4, fill: '#fff', 'fill-opacity': 0.35 }),
        s('line', { x1: 0, y1: 0, x2: 0, y2: 4, stroke: '#222', 'stroke-width': 1.4 }),
      ),
    ),
  );
  const shape = (f: GeoFeature<unknown>, title: string, fill: string, key: string, cls: string, href: string | null) => {
    const d = path(f as never);
    if (!d) return null;
    const p = s('path', { d, fill, class: `area ${cls}`.trim(), 'data-code': key }, s('title', null, title));
    const hover = () => o.onHover?.(title);
    const out = () => o.onHover?.(null);
    const node = href ? s('a', { href, 'aria-label': title }, p) : p;
    node.addEventListener('mouseenter', hover);
    node.addEventListener('focus', hover);
    node.addEventListener('mouseleave', out);
    node.addEventListener('blur', out);
    return node;
  };
  const g = s('g', { class: 'areas' });
  for (const f of o.features) {
    const el = shape(f, o.title(f), o.fill(f), o.key(f), o.kind?.(f) ?? '', o.href?.(f) ?? null);
    if (el) g.append(el);
  }
  svg.append(g);
  if (o.overlay?.features.length) {
    const ov = s('g', { class: 'overlay' });
    for (const f of o.overlay.features) {
      const el = shape(f, o.overlay.title(f), `url(#${hatch})`, o.overlay.key(f), 'disputed', o.overlay.href?.(f) ?? null);
      if (el) ov.append(el);
    }
    svg.append(ov);
  }
  // Hatch the disputed areas drawn as ordinary features too (region maps).
  for (const el of svg.querySelectorAll<SVGPathElement>('.areas path.disputed, .areas path.context')) {
    const overlay = el.cloneNode(false) as SVGPathElement;
    overlay.setAttribute('fill', `url(#${hatch})`);
    overlay.setAttribute('class', 'hatch');
    overlay.setAttribute('aria-hidden', 'true');
    overlay.removeAttribute('data-code');
    overlay.style.pointerEvents = 'none';
    svg.append(overlay);
  }
  return svg;
}

/** A live line under a map that repeats the hovered area's tooltip (for touch and keyboard too). */
export function hoverLine(initial: string): { el: HTMLElement; set: (t: string | null) => void } {
  const el = h('p', { class: 'hover-line', 'aria-live': 'polite' }, initial);
  return { el, set: (t) => (el.textContent = shownText(t ?? initial)) };
}
