// What the text must say for an order to be read as suspending named operators' services. The
// events and one-line texts are SYNTHETIC; the real record is priced in
// test/integration/cost-operator-suspended.test.ts.
import { describe, expect, it } from 'vitest';
import { suspendedOperators } from './network-outage.js';
import { syntheticEvent } from './testing.js';

const cut = syntheticEvent({
  category: 'shutdown',
  subtype: 'full',
  actors: [
    { role: 'ordered_by', name: 'Executive government' },
    { role: 'implemented_by', name: 'Nigeria: MTN' },
    { role: 'implemented_by', name: 'Nigeria: Airtel' },
    { role: 'implemented_by', name: 'Nigeria: Glo Mobile' },
  ],
});

describe('an order that suspended named operators', () => {
  it('names every implementer the list holds', () => {
    expect(suspendedOperators(cut, ['The regulator ordered the suspension of internet services of MTN, Airtel and Glo in the state.'])?.named).toEqual([
      'Nigeria: MTN',
      'Nigeria: Airtel',
      'Nigeria: Glo Mobile',
    ]);
    expect(suspendedOperators(cut, ['Authorities suspended mobile data services provided by Airtel on Monday.'])?.named).toEqual(['Nigeria: Airtel']);
  });

  it('needs an operator the record names as implementing the order, and a cut of its services', () => {
    expect(suspendedOperators(cut, ['The suspension of internet services from Kaduna State lasted a week.'])).toBeNull();
    expect(suspendedOperators(cut, ['MTN and Airtel shut down the internet in Kaduna.'])).toBeNull(); // the network cut, not one operator's services
    expect(suspendedOperators({ ...cut, category: 'block' }, ['the suspension of internet services of MTN'])).toBeNull();
  });
});
