/**
 * Entry point: the routes (each page loaded on first use, so the world map does not wait for
 * the calculator's code) and the router start.
 */
import './styles.css';
import { apiSpec, prefetch } from './api.js';
import { h } from './dom.js';
import { countryNames, disputedAreas, worldCountries } from './geo.js';
import { EVENTS_PAGE_PARAMS } from './event-query.js';
import { REGIONS_PAGE_PARAMS } from './regions-query.js';
import { route, setFailure, setNotFound, setRefusal, start } from './router.js';
import { refusedPage } from './ui/refusal.js';
import { errorBox } from './ui/state.js';

route('/', () => import('./pages/world.js').then((m) => m.default), ['category', 'from', 'to', 'color']);
route('/country/:cc', () => import('./pages/country.js').then((m) => m.default), []);
route('/compare/:pair', () => import('./pages/compare.js').then((m) => m.default), []);
route('/regions/:cc', () => import('./pages/regions.js').then((m) => m.default), REGIONS_PAGE_PARAMS);
route('/events', () => import('./pages/events.js').then((m) => m.default), EVENTS_PAGE_PARAMS);
route('/events/:id', () => import('./pages/event.js').then((m) => m.default), []);
route('/cost', () => import('./pages/cost.js').then((m) => m.default), 'page');
route('/measurements', () => import('./pages/measurements.js').then((m) => m.default), ['cc', 'asn', 'test_name', 'target', 'since', 'until', 'list', 'id']);
route('/detections', () => import('./pages/detections.js').then((m) => m.default), ['cc', 'kind', 'since', 'until']);
route('/registry', () => import('./pages/registry.js').then((m) => m.default), ['snapshot', 'q']);
route('/elections', () => import('./pages/elections.js').then((m) => m.default), []);
route('/watch', () => import('./pages/watch.js').then((m) => m.default), ['all']);
route('/elections/:id', () => import('./pages/election.js').then((m) => m.default), []);

// The query parameters each page takes; the calculator refuses the others itself, keeping its form.
setRefusal(refusedPage);
setNotFound(({ root }) => {
  document.title = 'Not found · Splinternet Observatory';
  root.append(h('h1', null, 'No such page'), h('p', null, 'This address is not a page of the dashboard. ', h('a', { href: '/' }, 'Go to the world map'), '.'));
});

// A page whose code did not arrive, or that failed outside its sections, shows the error alone.
setFailure(({ root }, err, stage) => {
  document.title = 'Error · Splinternet Observatory';
  const shown =
    stage === 'code'
      ? new Error(
          `${err instanceof Error ? err.message : String(err)}. Is \`splinternet serve\` running? Reloading the address fetches the dashboard's current build.`,
        )
      : err;
  root.append(h('h1', null, 'This page could not be shown'), errorBox(shown, stage === 'code' ? "this page's code" : 'this page'));
});

// The world map is the landing page: fetch its data while its code loads.
if (location.pathname === '/') {
  prefetch('/api/stats/events');
  void worldCountries().catch(() => undefined);
  void disputedAreas().catch(() => undefined);
  void countryNames().catch(() => undefined);
}
void apiSpec().catch(() => undefined);

const root = document.getElementById('main');
if (root) start(root);
