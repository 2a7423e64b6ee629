/** The registry of cost methods, in the order they are reported side by side. */
import { brookings2016 } from './brookings-2016/model.js';
import { costEscalated } from './cost-escalated/model.js';
import { deloitte2016 } from './deloitte-2016/model.js';
import { oziRegional } from './ozi-regional/model.js';
import type { MethodId, MethodModel } from './types.js';

export const METHODS: readonly MethodModel[] = [oziRegional, deloitte2016, brookings2016, costEscalated];

export const getMethod = (id: MethodId): MethodModel => METHODS.find((m) => m.id === id)!;

/** What a client needs to know about each method (GET /api/cost/methods, OpenAPI). */
export const methodInfo = () =>
  METHODS.map((m) => ({
    id: m.id,
    version: m.version,
    title: m.title,
    summary: m.summary,
    formula: m.formula,
    types: m.types,
    reference_year: m.referenceYear ?? null,
    params: m.params,
    citation: m.citation,
    ...(m.calibration ? { calibration: m.calibration } : {}),
  }));
