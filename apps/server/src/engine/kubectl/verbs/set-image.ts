// kubectl set image (kubectl's pkg/cmd/set/set_image.go): `CONTAINER=IMAGE` pairs (`*` for
// every container) on pods and on workload templates; prints `image updated`, or nothing at
// all when the images already match (the empty patch is skipped).

import { podSpecOf } from '../pod-template';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { dryRunMode } from '../object-ops';
import { objectOutput } from '../output';
import { updateEach } from './update-each';
import { collectTargets, LOCAL_NEEDS_FILES, NO_RESOURCES, splitPairs } from './targets';
import { parseResourceArgs } from '../resource-args';


export const setImageCommand: CommandDef = {
  name: 'image',
  short: 'Update the image of a pod template',
  flags: [SELECTOR_FLAG, FILENAME_FLAG, RECURSIVE_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG, fieldManagerFlag('kubectl-set'), { name: 'all', type: 'bool' }, { name: 'local', type: 'bool' }, RECORD_FLAG, ...PRINT_FLAGS, { name: 'kustomize', shorthand: 'k', type: 'string' }],
  run: runSetImage,
};

function runSetImage(inv: Invocation): number {
  const { flags } = inv;
  const { resources, pairs } = splitPairs(inv.args, 'image');
  const files = flags.list('filename');
  // kubectl's builder finds nothing to visit before the images are looked at
  if (resources.length === 0 && files.length === 0) throw new CommandError(NO_RESOURCES);
  const local = flags.bool('local');
  // the builder reads the resource arguments (Complete) before the images are checked (Validate)
  if (!local) parseResourceArgs(resources);
  if (pairs.length === 0) throw new CommandError('error: at least one image update is required');
  const images = new Map<string, string>();
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new CommandError(`error: invalid image format: ${p}`);
    images.set(p.slice(0, eq), p.slice(eq + 1));
  }
  if (local && files.length === 0) throw new CommandError(LOCAL_NEEDS_FILES);
  const output = objectOutput(flags);
  const mode = dryRunMode(inv);
  const found = collectTargets(inv, resources, { selector: flags.str('selector'), all: flags.bool('all'), files, local });
  return updateEach(inv, found, { updated: 'image updated', output, mode, typed: true }, (obj, next) => {
    const spec = podSpecOf(next);
    if (!spec) throw new CommandError(`error: ${obj.kind.toLowerCase()}s "${obj.metadata.name}" does not have a pod template`);
    const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
    for (const [name, image] of images) {
      let hit = false;
      for (const c of all) {
        if (name === '*' || c.name === name) {
          c.image = image;
          hit = true;
        }
      }
      if (!hit) throw new CommandError(`error: unable to find container named "${name}"`);
    }
    return JSON.stringify(next) !== JSON.stringify(obj);
  });
}
