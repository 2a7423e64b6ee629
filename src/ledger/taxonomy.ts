/**
 * The ledger's vocabulary: categories of control and the subtypes each allows. Documented in
 * docs/ledger-taxonomy.md; changing a word here is a data migration, so add, don't rename.
 */
export const TAXONOMY = {
  shutdown: ['full', 'mobile', 'mobile_data', 'fixed', 'sms_voice', 'curfew', 'unrecorded_network', 'other'],
  throttling: ['platform', 'protocol', 'network', 'other'],
  block: ['platform', 'website', 'messaging', 'vpn', 'protocol', 'ip_range', 'search', 'other'],
  app_removal: ['app_store', 'platform_store', 'other'],
  content_takedown: ['takedown_order', 'delisting', 'geoblocking', 'fine', 'other'],
  law: [
    'sovereign_internet',
    'data_localization',
    'content_control',
    'surveillance',
    'encryption',
    'platform_regulation',
    'preinstalled_apps',
    'vpn_ban',
    'foreign_agent',
    'personal_data',
    'vendor_restriction',
    'other',
  ],
  surveillance: ['lawful_intercept', 'facial_recognition', 'biometrics', 'real_name', 'health_code', 'social_credit', 'data_retention', 'other'],
  repression: ['arrest', 'violence', 'prosecution', 'harassment', 'fine', 'other'],
  election_technology: ['e_voting', 'candidate_app_censorship', 'other'],
  cooperation: [
    'research',
    'investment',
    'standards',
    'satellite_navigation',
    'space',
    'norms_diplomacy',
    'infrastructure',
    'market_exit',
    'vendor_dispute',
    'other',
  ],
} as const satisfies Record<string, readonly string[]>;

export type Category = keyof typeof TAXONOMY;
export const CATEGORIES = Object.keys(TAXONOMY) as Category[];

/** Categories whose events disrupt connectivity and so can be costed and measured. */
export const TECHNICAL_CATEGORIES: readonly Category[] = ['shutdown', 'throttling', 'block'];

export const SCOPES = ['national', 'regional', 'local', 'isp', 'platform'] as const;
export const DATE_PRECISIONS = ['hour', 'day', 'month', 'year'] as const;
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export const TARGET_KINDS = ['service', 'platform', 'domain', 'app', 'protocol', 'ip_range', 'population'] as const;
export const ACTOR_ROLES = ['ordered_by', 'implemented_by', 'company', 'beneficiary', 'other'] as const;
/** active: in default views; draft: a detector's proposal awaiting a human; retracted/dismissed: hidden. */
export const STATUSES = ['active', 'draft', 'retracted', 'dismissed'] as const;
export type Status = (typeof STATUSES)[number];
export const DEFAULT_VISIBLE: Status[] = ['active'];

export const isSubtypeOf = (category: string, subtype: string): boolean =>
  category in TAXONOMY && (TAXONOMY[category as Category] as readonly string[]).includes(subtype);

/**
 * Where an event came from, as the writers store it: the shipped seed, a STOP import, the local
 * CLI, the HTTP API (a token or the ops endpoint with one), or a detector's draft.
 */
export const ORIGINS = ['seed', 'stop', 'cli', 'api', 'detect'] as const;
export type Origin = (typeof ORIGINS)[number];
