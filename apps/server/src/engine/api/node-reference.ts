// How the recorders of Node Events name the Node. kubectl describe node searches Events by the
// Node's uid and again by its name, because the two kinds of recorders disagree.

import type { KubeObject } from './types';

/**
 * A Node named as its recorders name it, with no resourceVersion. The kubelet's nodeRef has no
 * apiVersion and the node's *name* as its uid (pkg/kubelet/kubelet.go), which is why `kubectl
 * describe node` searches Events by both; the node lifecycle and cloud node lifecycle controllers
 * give apiVersion v1 and the Node's uid (RecordNodeEvent, RecordNodeStatusChange).
 */
export function nodeReference(name: string, by: 'kubelet' | 'controller', uid?: string): KubeObject {
  return by === 'kubelet' ? { apiVersion: '', kind: 'Node', metadata: { name, uid: name } } : { apiVersion: 'v1', kind: 'Node', metadata: { name, uid } };
}

