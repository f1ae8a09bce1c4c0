// The cloud controller manager of a `cloud` cluster and the provider's volume provisioner.

import type { Controller } from '../controllers/controller';
import { cloudNodeController } from './cloud-node-controller';
import { cloudNodeLifecycleController } from './cloud-node-lifecycle-controller';
import { routeController } from './route-controller';
import { serviceController } from './service-controller';
import { cloudVolumeController } from './storage';

export { defaultStorageClass } from './storage';

export function cloudControllers(): Controller[] {
  return [cloudNodeController(), cloudNodeLifecycleController(), routeController(), serviceController(), cloudVolumeController()];
}
