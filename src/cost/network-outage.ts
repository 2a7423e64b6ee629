/**
 * What was cut when a record names networks, or says how far traffic fell: an outage of the
 * networks a non-government actor hit (a cyberattack, a strike), an order that suspended named
 * operators' services, and a disruption that took a stated share of traffic. Each scales the
 * area's share (cost is linear in it) and says why in `mapping`; eventScenario
 * (event-scenario.ts) calls them for shutdowns.
 */
import type { LedgerEvent } from '../ledger/index.js';
import type { EventOverrides, Missing } from './event-scenario.js';
import type { ScenarioInput } from './scenario.js';
import { trafficDrop, type TrafficDrop } from './traffic-drop.js';
import { isAccessNetwork, networkKey, networkShare, type NetworkTable } from './unknown-area.js';

/**
 * A shutdown nobody in government ordered (STOP: ordered_by "Non-government": a cyberattack, a
 * strike on infrastructure) that names the networks it hit cut those networks, not the country,
 * even where STOP files it as nationwide: a state can order every operator, an attacker reaches
 * only its targets. It is an outage of those networks, priced by their share of subscribers
 * (--isp-share), which the ledger does not hold. Without --isp-share their share is a proxy:
 * the networks named among every network the ledger names in the country, each taken as an
 * equal share of subscribers (unknown-area.ts, networkShare). A record with a sub-national area
 * is such an outage only where its text says a cyberattack hit the networks ("The Russian
 * network ASVT was disrupted by a DDoS attack", Moscow 2025): its area is then scaled by their
 * share. Strikes on power and lines (Gaza, Ukraine's grid) cut every network of the area and
 * keep it whole.
 */
const CYBERATTACK = /\b(?:cyber-?\s?attacks?|DDoS|hack(?:er|ers|ed|ing)?)\b/i;

/** True when the event is an outage of the networks it names (see networksCutOff); `texts` are its record texts. */
export const outageOfNetworks = (e: Pick<LedgerEvent, 'actors' | 'scope'>, texts: readonly string[] = []): boolean =>
  (e.scope === 'national' || texts.some((t) => CYBERATTACK.test(t))) &&
  e.actors.some((a) => a.role === 'ordered_by' && /^non-?government$/i.test(a.name)) &&
  e.actors.some((a) => a.role === 'implemented_by');

/** A rule that prices an outage of some networks' subscribers: the event, its texts, the input it sets, what it lacks and says, the request, the networks the ledger names. */
export type NetworkRule = (
  e: LedgerEvent,
  texts: readonly string[],
  input: ScenarioInput,
  missing: Missing[],
  mapping: string[],
  o: EventOverrides,
  known: NetworkTable | undefined,
) => void;

/** The share of subscribers `--isp-share` gives, as a factor with its (empty) range. */
const givenShare = (o: EventOverrides) =>
  o.isp_share === undefined
    ? undefined
    : { share: o.isp_share, low: o.isp_share, high: o.isp_share, basis: `given in the request (--isp-share ${o.isp_share})` };

export const networksCutOff: NetworkRule = (e, texts, input, missing, mapping, o, known) => {
  const networks = e.actors.filter((a) => a.role === 'implemented_by').map((a) => a.name);
  if (!outageOfNetworks(e, texts) || !input.type) return;
  // A nationwide record that states how far the country's traffic fell measures every network at once: that depth prices it (disruptionDepth).
  if (e.scope === 'national' && texts.some((t) => trafficDrop(t, true) !== null)) return;
  // An attack on a broadcaster ("Russia's state media provider VGTRK") took its own services down, not anyone's access.
  const access = networks.length === 0 || networks.some(isAccessNetwork);
  const proxy = access && o.isp_share === undefined && known && input.country ? networkShare(known, input.country, networks) : undefined;
  if (e.scope !== 'national') {
    const given = givenShare(o);
    const f = given ?? proxy;
    if (f) {
      // Regions priced by their output hold every network's subscribers: the attacked networks' share is a share of their people.
      if (input.regions?.length && e.population_affected) {
        mapping.push(
          `${[input.regions].flat().join(', ')} taken by population (${pct(e.population_affected.share)} of ${input.country}), not output, to take the attacked networks' share of it`,
        );
        delete input.regions;
        input.affected_share = e.population_affected.share;
      }
      if (!input.regions?.length) {
        const what = given ? f.basis : `a proxy: ${f.basis}`;
        scaleArea(input, f, `the share of subscribers the attacked networks hold, ${what}`);
        mapping.push(
          `its text says a cyberattack hit the networks it names (${networks.join(', ')}), not ordered by a government: priced as their share of the area's subscribers, ${what}`,
        );
        return;
      }
    }
  } else if (proxy) {
    input.affected_share = proxy.share;
    input.affected_low = proxy.low;
    input.affected_high = proxy.high;
    input.affected_confidence = 'low';
    input.affected_basis = proxy.basis;
    mapping.push(`not ordered by a government and names the networks it cut: priced as their share of subscribers, a proxy: ${proxy.basis}`);
    return;
  }
  input.type = 'isp';
  // An outage of named networks: which of them is priced by their share, not by the kinds of cut.
  delete input.networks_whole_p;
  delete input.networks_basis;
  mapping.push(
    access
      ? `not ordered by a government and names the networks it cut (${networks.join(', ')}): priced as an outage of those networks`
      : `not ordered by a government, and what it names (${networks.join(', ')}) is no access network: an outage of their own services, not of anyone's internet`,
  );
  if (o.isp_share === undefined)
    missing.push({
      field: 'isp_share',
      reason: access
        ? `not ordered by a government (STOP ordered_by: Non-government) and names the networks it cut (${networks.join(', ')}): an outage of those networks, not of the country; pass --isp-share S, their share of subscribers`
        : `not ordered by a government and what it names (${networks.join(', ')}) is a broadcaster or a state body, not a network that serves subscribers: nobody's access is recorded as cut; pass --isp-share S if it was`,
    });
};

/**
 * Scale the share of the country cut off (the whole country when none is set), its range and its
 * reference class by a factor with its own range: cost is linear in that share, so a part of the
 * area's use (an operator's subscribers, the traffic a disruption took) is priced exactly so.
 */
function scaleArea(input: ScenarioInput, f: { share: number; low: number; high: number }, why: string): void {
  const area = input.affected_share ?? 1;
  input.affected_share = area * f.share;
  input.affected_low = (input.affected_low ?? area) * f.low;
  input.affected_high = (input.affected_high ?? area) * f.high;
  if (input.affected_values) input.affected_values = input.affected_values.map((v) => v * f.share);
  input.affected_confidence = 'low';
  input.affected_basis = `${input.affected_basis ? `${input.affected_basis}; ` : ''}× ${why}`;
}

/**
 * A disruption whose text says how far traffic fell ("Traffic dropped by ~30-50% for entire
 * regions") cut that share of the area's use, not all of it: the area's share is scaled by the
 * drop (traffic-drop.ts). A drop of the country's traffic in the record of a smaller area
 * ("dropped ~10% nationally") is the area's share × its depth, the share of the country's use
 * lost: the area's share (and each end of its range) is at most that. The first text that states
 * a drop wins. Regions priced by their output (Russia, China) are left alone. True when a drop
 * was read.
 */
export function disruptionDepth(e: Pick<LedgerEvent, 'scope'>, texts: readonly string[], input: ScenarioInput, mapping: string[]): boolean {
  if (!input.type || !['full', 'mobile', 'fixed'].includes(input.type) || input.regions?.length) return false;
  const d = texts.map((t) => trafficDrop(t, e.scope === 'national')).find((x) => x !== null);
  if (!d) return false;
  const depth = `${pct(d.low)}–${pct(d.high)}, most likely ${pct(d.share)}`;
  if (d.national) return countryDrop(input, d, depth, mapping);
  scaleArea(input, d, `the share of its traffic the disruption took, ${depth} ("${d.quote}")`);
  mapping.push(`its text says how far traffic fell ("${d.quote}"): priced as that share of the area cut off, ${depth}`);
  return true;
}

/** The country's drop bounds the area's share: min(area, drop) at the mode and at each end. */
function countryDrop(input: ScenarioInput, d: TrafficDrop, depth: string, mapping: string[]): boolean {
  const area = input.affected_share ?? 1;
  if (d.share >= area) {
    mapping.push(
      `its text says the country's traffic fell ("${d.quote}"), no less than the area's share of the country (${pct(area)}): the area priced as cut off`,
    );
    return false;
  }
  const low = input.affected_low ?? area;
  const high = input.affected_high ?? area;
  input.affected_share = d.share;
  input.affected_low = Math.min(low, d.low);
  input.affected_high = Math.min(high, d.high);
  if (input.affected_values) input.affected_values = input.affected_values.map((v) => Math.min(v, d.share));
  input.affected_confidence = 'low';
  input.affected_basis = `${input.affected_basis ? `${input.affected_basis}; ` : ''}at most the share of the country's traffic lost, ${depth} ("${d.quote}")`;
  mapping.push(
    `its text says the country's traffic fell ("${d.quote}"): the area (${pct(area)} of the country) times how deep its cut was is that share of the country's use, so priced as ${depth} of the country`,
  );
  return true;
}

/** "suspension of internet services from Korek Telecom": what was cut is that operator's service. */
const SUSPENDED_SERVICES =
  /\b(?:suspen\w*|shut\w*\s+down|cut\w*(?:\s+off)?|disconnect\w*|halt\w*|terminat\w*)\s+(?:of\s+)?(?:the\s+)?(?:(?:internet|mobile|data|network|telecom\w*)\s+)*services?\s+(?:provided\s+)?(?:by|from|of)\s+(?:the\s+)?([A-Z][\w&.-]*(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+)[A-Z][\w&.-]*){0,12})/;

/** The operators whose services the event's texts say an order suspended (implementers it names), with the quote; null if none. */
export function suspendedOperators(e: Pick<LedgerEvent, 'category' | 'actors'>, texts: readonly string[]): { quote: string; named: string[] } | null {
  if (e.category !== 'shutdown') return null;
  const operators = e.actors.filter((a) => a.role === 'implemented_by').map((a) => a.name);
  for (const t of texts) {
    const m = SUSPENDED_SERVICES.exec(t);
    // Every implementer the named list holds, by the first word of its name ("Korek" of "Iraq: Korek Telecom").
    const words = new Set((m?.[1] ?? '').toLowerCase().split(/[\s,&]+/));
    const named = operators.filter((op) => words.has(networkKey(op).split(' ')[0]!));
    if (m && named.length) return { quote: m[0], named };
  }
  return null;
}

/**
 * A government order that suspends the services of named operators (Iraq, from 18 February
 * 2025: "the immediate suspension of internet services from Korek Telecom in the Kurdistan
 * Region") cuts those operators' subscribers, not everyone in the area: the area's share is
 * scaled by the operators' share of subscribers, from the networks the ledger names in the
 * country (the proxy of an outage of named networks, unknown-area.ts). The operator must be one
 * the record names as implementing the order. With no proxy, `--isp-share` is asked for.
 */
export const operatorsSuspended: NetworkRule = (e, texts, input, missing, mapping, o, known) => {
  if (outageOfNetworks(e, texts) || input.type === 'isp' || !input.type) return;
  const s = suspendedOperators(e, texts);
  if (!s) return;
  const { quote, named } = s;
  const given = givenShare(o);
  const proxy = given ?? (known && input.country && !input.regions?.length ? networkShare(known, input.country, named) : undefined);
  if (!proxy) {
    input.type = 'isp';
    delete input.networks_whole_p;
    delete input.networks_basis;
    mapping.push(`its text says the order suspended the services of ${named.join(', ')} ("${quote}"): an outage of that operator's subscribers`);
    missing.push({
      field: 'isp_share',
      reason: `the order suspended the services of ${named.join(', ')} ("${quote}"); pass --isp-share S, their share of subscribers`,
    });
    return;
  }
  const what = given ? proxy.basis : `a proxy: ${proxy.basis}`;
  scaleArea(input, proxy, `the share of its subscribers the suspended operator holds, ${what}`);
  mapping.push(
    `its text says the order suspended the services of ${named.join(', ')} ("${quote}"): priced as that operator's share of the area's subscribers, ${what}`,
  );
};

/** A share as the mappings print it: two significant digits, "12 %". */
export const pct = (x: number) => `${Number((x * 100).toPrecision(2))} %`;

/**
 * A shutdown of scope `isp` that names its networks (the detector's draft of one network's outage,
 * confirmed: `networks: [AS197207]`) cut those networks' subscribers, not the country's: type
 * `isp`, priced by their share of subscribers, which `--isp-share` gives (the ledger holds no
 * share of an AS number); without it the share is missing. Whatever the subtype (a mobile
 * operator's outage is still one operator's).
 */
export const namedNetworksScope: NetworkRule = (e, _texts, input, missing, mapping, o) => {
  const networks = [...(e.networks ?? []), ...e.actors.filter((a) => a.role === 'implemented_by').map((a) => a.name)];
  if (e.scope !== 'isp' || !networks.length || input.type === 'isp' || !input.type) return;
  const was = input.type;
  input.type = 'isp';
  delete input.networks_whole_p;
  delete input.networks_basis;
  mapping.push(`scope isp, naming the networks cut (${networks.join(', ')}): priced as those networks' share of subscribers, not the country's ${was} network`);
  if (o.isp_share === undefined)
    missing.push({
      field: 'isp_share',
      reason: `an outage of the networks it names (${networks.join(', ')}), not of the country; pass --isp-share S, their share of subscribers`,
    });
};
