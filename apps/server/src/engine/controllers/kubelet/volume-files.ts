// What a starting container's script can read from its configMap, secret and downwardAPI volumes
// (`ls /etc/config/`, `cat /etc/secret/password`): their files, read from the store.

import type { Container, Pod } from '../../api/types';
import { generatedMountFiles } from '../../containers/generated-volumes';
import type { ControllerContext } from '../controller';

export function mountedFiles(ctx: ControllerContext, pod: Pod, container: Container): Record<string, string> | undefined {
  if (!container.volumeMounts?.length || !pod.spec.volumes?.length) return undefined;
  return generatedMountFiles((r, ns, n) => ctx.store.get(r, ns, n), pod, container);
}
