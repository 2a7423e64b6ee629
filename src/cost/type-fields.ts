/**
 * The scenario fields only some types use, and which: the engine refuses them for the other
 * types (scenario.ts), and the dashboard's calculator disables them and leaves them out of its
 * request, from this one list.
 */
export const TYPE_FIELDS = {
  platform: ['platform', 'throttling'],
  severity: ['throttling'],
  isp_share: ['isp'],
  // A platform's weight: of the platform blocked, or of the services a throttle slowed.
  platform_weight: ['platform', 'throttling'],
  // A request cannot make a full shutdown one of whole networks (the engine's only other use of it).
  mobile_share: ['mobile', 'fixed'],
} as const satisfies Record<string, readonly string[]>;

/** Whether a scenario of `type` uses `field` (a field not in TYPE_FIELDS applies to every type). */
export const fieldApplies = (field: string, type: string): boolean => {
  const types = (TYPE_FIELDS as Record<string, readonly string[]>)[field];
  return !types || types.includes(type);
};
