/**
 * A command whose options are not its op's input keys (`hooks add --cc` fills `countries`) names
 * them as options in its errors too: a VALIDATION error of the op's input is given the option's
 * name, and the value given once (`--notice: Invalid option: ..., got "bogus"`), never the schema path
 * (`notices[0]`), so one command names its options one way, whichever check refused them.
 */
import { AppError, isAppError, validationError, withValue, type FieldIssue } from '../shared/index.js';

const valueAt = (raw: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), raw);

/** The error with each issue under a key of `flags` named by its option; any other error as it was. */
export function namedByFlags(e: unknown, flags: Record<string, string>, raw: Record<string, unknown>): unknown {
  if (!isAppError(e) || e.code !== 'VALIDATION' || !/^invalid input/.test(e.message)) return e;
  const own = (i: FieldIssue) => typeof i.path[0] === 'string' && Object.hasOwn(flags, i.path[0]);
  if (!e.issues.some(own)) return e;
  const issues = e.issues.map((i): FieldIssue => {
    if (!own(i)) return i;
    const v = valueAt(raw, i.path);
    return { path: [flags[i.path[0] as string]!], message: v === null || typeof v === 'object' ? i.message : withValue(i.message, i.path, v) };
  });
  const prefix = /^invalid input[^:]*/.exec(e.message)![0];
  const named = validationError(issues, prefix);
  return new AppError('VALIDATION', named.message, { issues, details: e.details });
}

/** Run `fn`, its VALIDATION errors naming the command's options (namedByFlags). */
export async function withFlagNames<T>(flags: Record<string, string>, raw: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw namedByFlags(e, flags, raw);
  }
}
