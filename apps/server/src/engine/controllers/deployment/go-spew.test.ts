import { parseQuantity, spewPodTemplate, spewValue, toGo } from './go-spew';

const spew = (type: string, json: unknown): string => spewValue(type, toGo(type, json));

describe("go-spew's %#v of Go values decoded from JSON", () => {
  test('a struct prints every field in Go order with its type, zero values included', () => {
    expect(spew('v1.ContainerPort', { protocol: 'TCP', containerPort: 80 })).toBe(
      '(v1.ContainerPort){Name:(string) HostPort:(int32)0 ContainerPort:(int32)80 Protocol:(v1.Protocol)TCP HostIP:(string)}',
    );
  });

  test('pointers print their type and target, or <nil>; a present empty object is a pointer to a zero struct', () => {
    expect(spew('v1.Toleration', { operator: 'Exists', tolerationSeconds: 300 })).toBe(
      '(v1.Toleration){Key:(string) Operator:(v1.TolerationOperator)Exists Value:(string) Effect:(v1.TaintEffect) TolerationSeconds:(*int64)300}',
    );
    expect(spew('v1.PodOS', {})).toBe('(v1.PodOS){Name:(v1.OSName)}');
    expect(spew('v1.ExecAction', null)).toBe('(v1.ExecAction){Command:([]string)<nil>}');
    expect(spew('v1.Affinity', { nodeAffinity: {} })).toBe(
      '(v1.Affinity){NodeAffinity:(*v1.NodeAffinity){RequiredDuringSchedulingIgnoredDuringExecution:(*v1.NodeSelector)<nil> PreferredDuringSchedulingIgnoredDuringExecution:([]v1.PreferredSchedulingTerm)<nil>} PodAffinity:(*v1.PodAffinity)<nil> PodAntiAffinity:(*v1.PodAntiAffinity)<nil>}',
    );
  });

  test('list elements and map keys and values print without their type; map keys are sorted', () => {
    expect(spew('v1.ExecAction', { command: ['sh', '-c', 'true'] })).toBe('(v1.ExecAction){Command:([]string)[sh -c true]}');
    expect(spew('v1.LabelSelector', { matchLabels: { tier: 'web', app: 'x' } })).toBe(
      '(v1.LabelSelector){MatchLabels:(map[string]string)map[app:x tier:web] MatchExpressions:([]v1.LabelSelectorRequirement)<nil>}',
    );
    expect(spew('v1.HostAlias', { ip: '10.0.0.1', hostnames: ['a'] })).toBe('(v1.HostAlias){IP:(string)10.0.0.1 Hostnames:([]string)[a]}');
    expect(spew('[]v1.HostAlias', [{ ip: '10.0.0.1' }])).toBe('([]v1.HostAlias)[{IP:(string)10.0.0.1 Hostnames:([]string)<nil>}]');
  });

  test('inline fields read the parent JSON object; an IntOrString is its three fields', () => {
    expect(spew('v1.ConfigMapKeySelector', { name: 'cfg', key: 'k' })).toBe(
      '(v1.ConfigMapKeySelector){LocalObjectReference:(v1.LocalObjectReference){Name:(string)cfg} Key:(string)k Optional:(*bool)<nil>}',
    );
    expect(spew('v1.TCPSocketAction', { port: 8080 })).toBe('(v1.TCPSocketAction){Port:(intstr.IntOrString){Type:(intstr.Type)0 IntVal:(int32)8080 StrVal:(string)} Host:(string)}');
    expect(spew('v1.TCPSocketAction', { port: 'http' })).toBe('(v1.TCPSocketAction){Port:(intstr.IntOrString){Type:(intstr.Type)1 IntVal:(int32)0 StrVal:(string)http} Host:(string)}');
  });

  test('a template starts with its ObjectMeta, time included, and its PodSpec', () => {
    const text = spewPodTemplate({});
    expect(text.startsWith('(v1.PodTemplateSpec){ObjectMeta:(v1.ObjectMeta){Name:(string) GenerateName:(string) Namespace:(string) SelfLink:(string) UID:(types.UID)')).toBe(true);
    expect(text).toContain('CreationTimestamp:(v1.Time){Time:(time.Time){wall:(uint64)0 ext:(int64)0 loc:(*time.Location)<nil>}} DeletionTimestamp:(*v1.Time)<nil>');
    expect(text).toMatch(/ Spec:\(v1\.PodSpec\)\{Volumes:\(\[\]v1\.Volume\)<nil> InitContainers:.* Resources:\(\*v1\.ResourceRequirements\)<nil>\}\}$/);
  });
});

describe('resource.ParseQuantity as a Go value', () => {
  const q = (s: string): string => spewValue('resource.Quantity', parseQuantity(s));

  test.each([
    // text, int64Amount value and scale, the text kept when canonical, format
    ['170Mi', '178257920', '0', '170Mi', 'BinarySI'],
    ['1Gi', '1073741824', '0', '1Gi', 'BinarySI'],
    ['1024Mi', '1073741824', '0', '', 'BinarySI'],
    ['100m', '100', '-3', '100m', 'DecimalSI'],
    ['1500m', '1500', '-3', '1500m', 'DecimalSI'],
    ['1000', '1000', '0', '', 'DecimalSI'],
    ['2', '2', '0', '2', 'DecimalSI'],
    ['1e3', '1', '3', '1e3', 'DecimalExponent'],
    ['-5k', '-5', '3', '-5k', 'DecimalSI'],
    ['0', '0', '0', '0', 'DecimalSI'],
  ])('%s', (text, value, scale, kept, format) => {
    expect(q(text)).toBe(
      `(resource.Quantity){i:(resource.int64Amount){value:(int64)${value} scale:(resource.Scale)${scale}} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)${kept} Format:(resource.Format)${format}}`,
    );
  });

  // printed by go-spew from gopkg.in/inf.v0 and math/big, run through ParseQuantity's steps
  test.each([
    ['1Pi', 'false', '2882303761517117440 61035', '9', 'BinarySI'],
    ['-3Ei', 'true', '0 187500000', '9', 'BinarySI'],
    ['16Ei', 'false', '9223372036854775807', '0', 'BinarySI'],
    ['1234567890123456789', 'false', '7888470988684038656 66926059', '9', 'DecimalSI'],
  ])('%s takes the inf.Dec path', (text, neg, words, scale, format) => {
    expect(q(text)).toBe(
      `(resource.Quantity){i:(resource.int64Amount){value:(int64)0 scale:(resource.Scale)0} d:(resource.infDecAmount){Dec:(*inf.Dec){unscaled:(big.Int){neg:(bool)${neg} abs:(big.nat)[${words}]} scale:(inf.Scale)${scale}}} s:(string) Format:(resource.Format)${format}}`,
    );
  });

  test('a resource list prints its quantities by name, without their type (64Mi is not kept: 64 is a multiple of 8)', () => {
    expect(spew('v1.ResourceList', { memory: '64Mi', cpu: '250m' })).toBe(
      '(v1.ResourceList)map[cpu:{i:(resource.int64Amount){value:(int64)250 scale:(resource.Scale)-3} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)250m Format:(resource.Format)DecimalSI} memory:{i:(resource.int64Amount){value:(int64)67108864 scale:(resource.Scale)0} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string) Format:(resource.Format)BinarySI}]',
    );
  });
});
