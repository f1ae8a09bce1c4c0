// Namespace, ConfigMap, Secret and ServiceAccount describers (describe.go).
import type { ConfigMap, KubeObject, Namespace, Secret } from '../../../api/types';
import type { DescribeContext } from './describe-context';
import { describeEvents, formatTime, printAnnotationsMultiline, printLabelsMultiline } from './describe-format';
import { LEVEL_0, LEVEL_1, tabbedString } from './describe-writer';

// Go ranges over the Data maps in random order; we print keys sorted, one of the orders kubectl prints.
const sortedKeys = (m: Readonly<Record<string, string>> | undefined): string[] => Object.keys(m ?? {}).sort();

/** Byte length of base64 data, as len([]byte) of the decoded value. */
function base64Length(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

function base64Decode(b64: string): string {
  // atob is a web-platform global available in Node 20, not a Node built-in import
  const bin = atob(b64.replace(/\s/g, ''));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * describeNamespace. The simulator has no ResourceQuota or LimitRange objects yet, so both
 * sections print their empty form, as kubectl does for a namespace without any.
 */
export function describeNamespace(ns: Namespace, _ctx: DescribeContext): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatTime(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}

export function describeConfigMap(cm: ConfigMap, ctx: DescribeContext): string {
  const events = ctx.eventsFor(cm);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData![k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    describeEvents(w, events, ctx.now);
  });
}

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';

export function describeSecret(secret: Secret, _ctx: DescribeContext): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(secret.data)) {
      const v = secret.data![k];
      if (k === 'token' && secret.type === SA_TOKEN_TYPE) w.write(LEVEL_0, `${k}:\t${base64Decode(v)}\n`);
      else w.write(LEVEL_0, `${k}:\t${base64Length(v)} bytes\n`);
    }
  });
}

interface ServiceAccount extends KubeObject {
  secrets?: { name?: string }[];
  imagePullSecrets?: { name?: string }[];
}

export function describeServiceAccount(sa: ServiceAccount, ctx: DescribeContext): string {
  const secrets = ctx.list('Secret', sa.metadata.namespace ?? '') as Secret[];
  const existing = new Set(secrets.map((s) => s.metadata.name ?? ''));
  const tokens = secrets.filter(
    (s) =>
      s.type === SA_TOKEN_TYPE &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid,
  );
  const events = ctx.eventsFor(sa);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
    const empty = '                   ';
    // headers in sorted order: "Image pull secrets:" < "Mountable secrets: " < "Tokens:            "
    const sections: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens.map((s) => s.metadata.name ?? '')],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, `${prefix}\t${n}${existing.has(n) ? '' : ' (not found)'}\n`);
        prefix = empty;
      }
    }
    describeEvents(w, events, ctx.now);
  });
}
