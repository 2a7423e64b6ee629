/**
 * Checks run on a call's files before any is written, so a refused call leaves every snapshot
 * as it was. A snapshot is one moment of the register: it may hold the parts of one dump, or one
 * complete dump, never two versions of it side by side (their entries would count twice).
 */
import { AppError } from '../shared/index.js';
import type { RegistryFileRecord, Store } from '../store/index.js';
import type { PlannedFile } from './plan.js';
import { wholeFiles } from './snapshots.js';

const refuse = (plan: PlannedFile, message: string, issue: string) =>
  new AppError('VALIDATION', `${plan.path}: ${message}`, { issues: [{ path: ['files', plan.sourceFile], message: issue }] });

/**
 * Refuses (VALIDATION, naming the files) a call that would put two versions of one snapshot
 * side by side:
 * - with --force, a file whose bytes the snapshot already holds under another name, or another
 *   file of the call holds (forcing it would store the same entries twice);
 * - a complete dump beside other content already in its snapshot, or new content in a snapshot
 *   a complete dump already fills. The files of the call itself (all the parts of a dump given
 *   together) are not "other": a part stored earlier is replaced by the same part of the set.
 */
export async function refuseConflicts(store: Store, plans: PlannedFile[], force: boolean): Promise<void> {
  const inCall = new Set(plans.map((p) => `${p.snapshotId}\u0000${p.sourceFile}`));
  const seen = new Map<string, string>();
  const snapshots = new Map((await store.registry.listSnapshots()).map((s) => [s.id, s]));
  const filesOf = new Map<string, RegistryFileRecord[]>();
  for (const plan of plans) {
    const id = plan.snapshotId;
    if (!id) continue;
    if (!filesOf.has(id)) filesOf.set(id, await store.registry.listFiles(id));
    const files = filesOf.get(id)!;
    const key = `${id}\u0000${plan.sha256}`;
    if (force) {
      const stored = files.find((f) => f.sourceFile !== plan.sourceFile && f.doc.sha256 === plan.sha256)?.sourceFile;
      const twin = stored ?? (seen.has(key) && seen.get(key) !== plan.sourceFile ? seen.get(key) : undefined);
      if (twin)
        throw refuse(
          plan,
          `the same content as ${twin}, already in snapshot ${id}; to import it again, import ${twin} with --force`,
          `same content as ${twin}`,
        );
    }
    if (!seen.has(key)) seen.set(key, plan.sourceFile);
    const others = files.filter((f) => f.sourceFile !== plan.sourceFile && f.doc.sha256 !== plan.sha256 && !inCall.has(`${id}\u0000${f.sourceFile}`));
    // A file the snapshot holds by this name replaces itself (a corrected part, a forced rerun).
    if (!others.length || files.some((f) => f.sourceFile === plan.sourceFile)) continue;
    const names = others.map((f) => f.sourceFile).join(', ');
    if (plan.complete)
      throw refuse(
        plan,
        `a complete dump of ${id}, but snapshot ${id} already holds other content (${names}); two versions of one moment would count their entries twice. To replace it, give the new dump the file name it holds (a file of the same name with other bytes replaces it; --force is only for importing the same bytes again)`,
        `complete dump beside ${names}`,
      );
    if ((snapshots.get(id)?.complete || wholeFiles(files)) && plan.format !== 'cidr_derived')
      throw refuse(
        plan,
        `snapshot ${id} already holds a complete dump (${names}); a file with other content of the same moment would count its entries twice. To replace it, give the new file the name it holds (a file of the same name with other bytes replaces it; --force is only for importing the same bytes again)`,
        `snapshot ${id} is complete`,
      );
  }
}
