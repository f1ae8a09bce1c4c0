import type { KubeEvent, LabelSelector, Probe } from '../../../api/types';
import { describeProbe } from './describe-containers';
import { describeEvents, formatLabelSelector, formatTime, printTolerationsMultiline, selectorString } from './describe-format';
import { smartLabelFor } from './describe-generic';
import { formatEndpointSlices, EndpointSlice } from './describe-network';
import { addQuantity, canonicalQuantity, parseQuantity, quantityMilliValue, quantityString, quantityValue } from './describe-quantity';
import { breakdownRule, combineResourceGroup, compactRules } from './describe-rbac';
import { PrefixWriter } from './describe-writer';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const ago = (s: number): string => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');

describe('Quantity.String() canonical forms', () => {
  test.each([
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500', '1500'],
    ['1000', '1k'],
    ['2000000', '2M'],
    ['100m', '100m'],
    ['0.1', '100m'],
    ['64M', '64M'],
    ['512Ki', '512Ki'],
    ['1023Ki', '1023Ki'],
    ['1000Ki', '1000Ki'],
    ['0', '0'],
    ['0Mi', '0'],
    ['18556039957', '18556039957'],
    ['1e3', '1e3'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['3800m', '3800m'],
  ])('%s prints %s', (input, output) => {
    expect(canonicalQuantity(input)).toBe(output);
  });

  test('Add keeps the first operand format unless it is zero', () => {
    const mi = parseQuantity('128Mi')!;
    const m = parseQuantity('70Mi')!;
    expect(quantityString(addQuantity(mi, m))).toBe('198Mi');
    expect(quantityString(addQuantity(parseQuantity('0')!, mi))).toBe('128Mi');
    expect(quantityString(addQuantity(parseQuantity('250m')!, parseQuantity('100m')!))).toBe('350m');
  });

  test('Value and MilliValue round up', () => {
    expect(quantityMilliValue(parseQuantity('2')!)).toBe(2000n);
    expect(quantityValue(parseQuantity('1500m')!)).toBe(2n);
    expect(quantityValue(parseQuantity('1Ki')!)).toBe(1024n);
  });
});

describe('selectors', () => {
  const sel: LabelSelector = {
    matchLabels: { app: 'web' },
    matchExpressions: [
      { key: 'tier', operator: 'In', values: ['front', 'back'] },
      { key: 'env', operator: 'NotIn', values: ['dev'] },
      { key: 'canary', operator: 'DoesNotExist' },
      { key: 'zone', operator: 'Exists' },
    ],
  };
  test('requirements sorted by key, values sorted', () => {
    expect(selectorString(sel)).toBe('app=web,!canary,env notin (dev),tier in (back,front),zone');
  });
  test('empty selector: "" from Selector.String, <none> from FormatLabelSelector', () => {
    expect(selectorString({})).toBe('');
    expect(formatLabelSelector({})).toBe('<none>');
  });
});

describe('tolerations', () => {
  test.each([
    [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }, 'k=v:NoSchedule'],
    [{ key: 'k', operator: 'Exists' }, 'k op=Exists'],
    [{ operator: 'Exists', effect: 'NoExecute' }, ':NoExecute op=Exists'],
    [{ operator: 'Exists' }, 'op=Exists'],
    [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }, 'k:NoExecute op=Exists for 0s'],
  ] as const)('%j', (t, text) => {
    const w = new PrefixWriter();
    printTolerationsMultiline(w, 'Tolerations', [t]);
    expect(w.toString()).toBe(`Tolerations:  ${text}\n`);
  });
});

describe('probes', () => {
  const base = { initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
  test.each([
    [{ ...base, httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' } }, 'http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [{ ...base, httpGet: { path: '/', port: 443, host: '10.0.0.1', scheme: 'HTTPS' } }, 'http-get https://10.0.0.1:443/ delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [{ ...base, tcpSocket: { port: 5432 } }, 'tcp-socket :5432 delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [{ ...base, exec: { command: ['cat', '/tmp/healthy'] } }, 'exec [cat /tmp/healthy] delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [{ ...base, grpc: { port: 9090, service: '' } }, 'grpc <pod>:9090  delay=0s timeout=1s period=10s #success=1 #failure=3'],
  ] as [Probe, string][])('%j', (p, text) => {
    expect(describeProbe(p)).toBe(text);
  });
});

describe('events table', () => {
  const ev = (reason: string, first: number, last: number, count: number, component = 'kubelet'): KubeEvent => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: reason },
    involvedObject: {},
    type: 'Normal',
    reason,
    message: `  ${reason} happened \n`,
    source: { component },
    firstTimestamp: ago(first),
    lastTimestamp: ago(last),
    count,
  });

  test('sorted by last time; repeats show (xN over first); messages trimmed', () => {
    const w = new PrefixWriter();
    w.write(0, 'Tolerations:\t<none>\n');
    describeEvents(w, [ev('B', 300, 30, 4), ev('A', 600, 600, 1, 'default-scheduler')], NOW);
    const row = (...cells: string[]): string => `  ${cells[0].padEnd(8)}${cells[1].padEnd(8)}${cells[2].padEnd(18)}${cells[3].padEnd(19)}${cells[4]}\n`;
    expect(w.toString()).toBe(
      'Tolerations:  <none>\n' +
        'Events:\n' +
        row('Type', 'Reason', 'Age', 'From', 'Message') +
        row('----', '------', '----', '----', '-------') +
        row('Normal', 'A', '10m', 'default-scheduler', 'A happened') +
        row('Normal', 'B', '30s (x4 over 5m)', 'kubelet', 'B happened'),
    );
  });

  test('no events: `Events:\\t<none>` joins the block above; undefined prints nothing', () => {
    const w = new PrefixWriter();
    w.write(0, 'Tolerations:\t<none>\n');
    describeEvents(w, [], NOW);
    describeEvents(w, undefined, NOW);
    expect(w.toString()).toBe('Tolerations:  <none>\nEvents:       <none>\n');
  });
});

describe('formatTime', () => {
  test('RFC1123Z in UTC; unset prints Go zero time', () => {
    expect(formatTime('2024-09-02T10:15:03Z')).toBe('Mon, 02 Sep 2024 10:15:03 +0000');
    expect(formatTime(null)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });
});

describe('formatEndpointSlices', () => {
  const slice = (ready: boolean[], ports: EndpointSlice['ports'] = [{ name: '', port: 80 }]): EndpointSlice => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 's' },
    ports,
    endpoints: ready.map((r, i) => ({ addresses: [`10.0.0.${i + 1}`], conditions: { ready: r } })),
  });
  test.each([
    ['no slices', [], '<none>'],
    ['no endpoints', [slice([])], ''],
    ['three', [slice([true, true, true])], '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80'],
    ['five', [slice([true, true, true, true, true])], '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...'],
    ['not ready skipped', [slice([false, true])], '10.0.0.2:80'],
    ['headless without ports', [slice([true, true], [])], '10.0.0.1,10.0.0.2'],
  ] as [string, EndpointSlice[], string][])('%s', (_n, slices, text) => {
    expect(formatEndpointSlices(slices, new Set(['']))).toBe(text);
  });
});

describe('rbac rules', () => {
  test('breakdown, compact and combine', () => {
    const rules = compactRules(
      [
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['list', 'get'] },
      ].flatMap(breakdownRule),
    );
    expect(rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]);
    expect(combineResourceGroup(['deployments/scale'], ['apps'])).toBe('deployments.apps/scale');
    expect(combineResourceGroup(['*'], ['*'])).toBe('*.*');
    expect(combineResourceGroup([], ['apps'])).toBe('');
  });
});

describe('smartLabelFor', () => {
  test.each([
    ['apiVersion', 'API Version'],
    ['firstTimestamp', 'First Timestamp'],
    ['uid', 'UID'],
    ['podIPs', 'Pod I Ps'],
    ['reportingComponent', 'Reporting Component'],
    ['kubernetes.io/name', 'kubernetes.io/name'],
  ])('%s → %s', (field, label) => {
    expect(smartLabelFor(field)).toBe(label);
  });
});
