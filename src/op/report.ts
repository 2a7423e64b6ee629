/**
 * Output schemas for reports only the CLI prints (imports, extractions): the type is the
 * domain's report type, nothing is checked at run time and nothing is published. An op with an
 * HTTP binding must declare a real schema instead (src/server/mount.test.ts checks that).
 */
import { z } from 'zod';

export const report = <T>(description: string) => z.custom<T>(() => true).meta({ description, report: true });

/** True for an output declared with report(): it carries no field list. */
export const isReport = (s: z.ZodType): boolean => (s.meta() as { report?: boolean } | undefined)?.report === true;
