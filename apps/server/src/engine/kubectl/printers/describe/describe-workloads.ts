// Deployment, ReplicaSet and DaemonSet describers (describe.go describeDeployment,
// describeReplicaSet, describeDaemonSet as kubectl 1.32 prints them).
import type { DaemonSet, Deployment, KubeObject, LabelSelector, Pod, ReplicaSet } from '../../../api/types';
import { parseTime } from '../../../time';
import type { DescribeContext } from './describe-context';
import {
  describeEvents,
  formatLabels,
  formatLabelSelector,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  selectorString,
} from './describe-format';
import { describePodTemplate, printController } from './describe-pod';
import { LEVEL_0, LEVEL_1, tabbedString } from './describe-writer';

/** getPodStatusForController: phases of the pods matching the selector and controlled by `owner`. */
function podStatusCounts(ctx: DescribeContext, owner: KubeObject, selector: LabelSelector | undefined) {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const o of ctx.list('Pod', owner.metadata.namespace ?? '')) {
    const pod = o as Pod;
    if (!matchesSelector(selector, pod.metadata.labels)) continue;
    const ref = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    if (!ref || ref.uid !== owner.metadata.uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

/** LabelSelectorAsSelector(sel).Matches(labels); an empty selector matches everything. */
export function matchesSelector(sel: LabelSelector | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel?.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const inValues = has && (e.values ?? []).includes(l[e.key]);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

const podsStatusLine = (c: ReturnType<typeof podStatusCounts>): string =>
  `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;

export function describeReplicaSet(rs: ReplicaSet, ctx: DescribeContext): string {
  const counts = podStatusCounts(ctx, rs, rs.spec?.selector);
  const events = ctx.eventsFor(rs);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${podsStatusLine(counts)}\n`);
    describePodTemplate(w, rs.spec?.template);
    const conditions = rs.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    describeEvents(w, events, ctx.now);
  });
}

export function describeDaemonSet(ds: DaemonSet, ctx: DescribeContext): string {
  const counts = podStatusCounts(ctx, ds, ds.spec?.selector);
  const events = ctx.eventsFor(ds);
  const st = ds.status;
  return tabbedString((w) => {
    // kubectl 1.32 prints no Namespace line for daemon sets
    w.write(LEVEL_0, `Name:\t${ds.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(counts)}\n`);
    describePodTemplate(w, ds.spec?.template);
    describeEvents(w, events, ctx.now);
  });
}

const intOrString = (v: number | string | undefined, dflt: string): string => (v === undefined || v === null ? dflt : String(v));

export function describeDeployment(d: Deployment, ctx: DescribeContext): string {
  const events = ctx.eventsFor(d);
  const { oldRSs, newRS } = deploymentReplicaSets(d, ctx);
  return tabbedString((w) => {
    const spec = d.spec;
    const st = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ` +
        `${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
    const ru = spec?.strategy?.rollingUpdate;
    if (ru) {
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable, '25%')} max unavailable, ${intOrString(ru.maxSurge, '25%')} max surge\n`,
      );
    }
    describePodTemplate(w, spec?.template);
    const conditions = st.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
    }
    describeEvents(w, events, ctx.now);
  });
}

function replicaSetsByLabels(list: readonly ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
  return s || '<none>';
}

const POD_TEMPLATE_HASH = 'pod-template-hash';

/**
 * deploymentutil.GetAllReplicaSetsInChunks: the deployment's own ReplicaSets (selector match and
 * controller reference), sorted by creation time then name; the new one is the first whose
 * template equals the deployment's ignoring pod-template-hash; all others are old.
 */
export function deploymentReplicaSets(d: Deployment, ctx: DescribeContext): { oldRSs: ReplicaSet[]; newRS?: ReplicaSet } {
  const owned = ctx
    .list('ReplicaSet', d.metadata.namespace ?? '')
    .map((o) => o as ReplicaSet)
    .filter((rs) => matchesSelector(d.spec?.selector, rs.metadata.labels))
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid))
    .sort((a, b) => {
      const ta = parseTime(a.metadata.creationTimestamp ?? undefined);
      const tb = parseTime(b.metadata.creationTimestamp ?? undefined);
      if (ta !== tb) return ta < tb ? -1 : 1;
      const na = a.metadata.name ?? '';
      const nb = b.metadata.name ?? '';
      return na < nb ? -1 : na > nb ? 1 : 0;
    });
  const want = canonicalTemplate(d.spec?.template);
  const newRS = owned.find((rs) => canonicalTemplate(rs.spec?.template) === want);
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

// apiequality.Semantic.DeepEqual treats nil and empty maps/slices alike: drop empties, sort keys.
function canonicalTemplate(template: unknown): string {
  const t = JSON.parse(JSON.stringify(template ?? {}));
  if (t.metadata?.labels) delete t.metadata.labels[POD_TEMPLATE_HASH];
  return JSON.stringify(normalize(t));
}

function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(normalize);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const n = normalize((v as Record<string, unknown>)[k]);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v === null ? undefined : v;
}
