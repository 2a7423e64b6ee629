/**
 * The scenario fields only some types use, and which: the engine refuses them for the other
 * types (scenario.ts), and the dashboard's calculator disables them and leaves them out of its
 * request, from this one list.
 */
export const TYPE_FIELDS = {
  platform: ['platform', 'throttling'],
  severity: ['throttling'],
  isp_share: ['isp'],
} as const satisfies Record<string, readonly string[]>;

/** Whether a scenario of `type` uses `field` (a field not in TYPE_FIELDS applies to every type). */
export const fieldApplies = (field: string, type: string): boolean => {
  const types = (TYPE_FIELDS as Record<string, readonly string[]>)[field];
  return !types || types.includes(type);
};
