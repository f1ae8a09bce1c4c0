// The controllers a cluster runs, in the order they settle. Order matters only for determinism:
// work at one instant is processed controller by controller in this order, repeatedly, until
// nothing is left.

import { ClusterConfig } from '../cluster-state';
import { Controller } from './controller';
import { eventTtlController } from './event-ttl';
import { deploymentController } from './deployment/deployment-controller';
import { replicaSetController } from './replicaset/replicaset-controller';
import { daemonSetController } from './daemonset/daemonset-controller';
import { garbageCollectorController } from './garbage-collector/garbage-collector';
import { kubeletController } from './kubelet/kubelet-controller';
import { namespaceDefaultsController } from './namespace-defaults/namespace-defaults';
import { namespaceController } from './namespace/namespace';
import { persistentVolumeController } from './persistentvolume/persistentvolume';
import { attachDetachController } from './attachdetach/attachdetach';
import { schedulerController } from './scheduler/scheduler';
import { nodeLifecycleController } from './node-lifecycle/node-lifecycle';
import { podGcController } from './podgc/pod-gc';
import { endpointsController } from './endpoints/endpoints';
import { endpointSliceController } from './endpointslice/endpointslice';
import { podNetworkController } from '../install/pod-network-controller';
import { cloudControllers } from '../cloud';

export function buildControllers(config: ClusterConfig): Controller[] {
  return [
    namespaceDefaultsController(),
    namespaceController(),
    deploymentController(),
    replicaSetController(),
    daemonSetController(),
    garbageCollectorController(),
    // the cloud controller manager of a `cloud` cluster (before the binder: default class first)
    ...(config.shape === 'cloud' ? cloudControllers() : []),
    persistentVolumeController(),
    schedulerController(),
    attachDetachController(),
    kubeletController(),
    nodeLifecycleController(),
    podGcController(),
    endpointsController(),
    endpointSliceController(),
    eventTtlController(),
    // a `bare` cluster's nodes wait for a pod network add-on; the other shapes come with one, whose
    // daemon annotates a node registered again
    podNetworkController(),
  ];
}
