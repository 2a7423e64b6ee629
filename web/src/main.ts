/**
 * Entry point: the routes (each page loaded on first use, so the world map does not wait for
 * the calculator's code) and the router start.
 */
import './styles.css';
import { apiSpec, prefetch } from './api.js';
import { h } from './dom.js';
import { countryNames, disputedAreas, worldCountries } from './geo.js';
import { route, setNotFound, start } from './router.js';

route('/', () => import('./pages/world.js').then((m) => m.default));
route('/country/:cc', () => import('./pages/country.js').then((m) => m.default));
route('/compare/:pair', () => import('./pages/compare.js').then((m) => m.default));
route('/regions/:cc', () => import('./pages/regions.js').then((m) => m.default));
route('/events', () => import('./pages/events.js').then((m) => m.default));
route('/events/:id', () => import('./pages/event.js').then((m) => m.default));
route('/cost', () => import('./pages/cost.js').then((m) => m.default));
route('/measurements', () => import('./pages/measurements.js').then((m) => m.default));
route('/detections', () => import('./pages/detections.js').then((m) => m.default));
route('/registry', () => import('./pages/registry.js').then((m) => m.default));
route('/elections', () => import('./pages/elections.js').then((m) => m.default));
route('/watch', () => import('./pages/watch.js').then((m) => m.default));
route('/elections/:id', () => import('./pages/election.js').then((m) => m.default));

setNotFound(({ root }) => {
  document.title = 'Not found · Splinternet Observatory';
  root.append(h('h1', null, 'No such page'), h('p', null, 'This address is not a page of the dashboard. ', h('a', { href: '/' }, 'Go to the world map'), '.'));
});

// The world map is the landing page: fetch its data while its code loads.
if (location.pathname === '/') {
  prefetch('/api/stats/events');
  void worldCountries().catch(() => undefined);
  void disputedAreas().catch(() => undefined);
  void countryNames();
}
void apiSpec();

const root = document.getElementById('main');
if (root) start(root);
