// kubectl config set and unset: a property path walked through the internal Config by its fields'
// json names, as kubectl v1.32's reflection walks it, with Go's own words for what goes wrong
// (%v of the values met on the way, strconv.ParseBool, base64, even its panics).

import { CommandDef } from '../command';
import { CommandError } from '../context';
import { decodeBase64Bytes, encodeBase64, encodeBase64Bytes, goDecodeBase64 } from '../../api/defaults/base64';
import { goQuote } from '../printers/go-format';
import { byName, CONFIG, GoType, helpError, load, Rec, writeIfChanged, zero } from './config-model';
import { goSprint } from '../printers/go-format';



/** a heap address for %v of a pointer (Go prints where the value lives; any address will do) */
const goAddr = (i: number): string => `0xc000${(0x1c0000 + i * 0x200).toString(16)}`;

/** %v of a value of the given type, nested (pointers as addresses, maps sorted by key) */
function goValue(t: GoType, v: any): string {
  switch (t.kind) {
    case 'string':
      return v;
    case 'bool':
      return String(v);
    case 'bytes':
      return `[${[...decodeBase64Bytes(v)].join(' ')}]`;
    case 'strings':
      return goSprint(v ?? []);
    case 'ptr':
      return v ? goAddr(0) : '<nil>';
    case 'struct':
      return `{${t.fields.map((f) => goValue(f.type, v[f.json])).join(' ')}}`;
    case 'map': {
      const entries = v ? byName(v as Map<string, unknown>) : [];
      const elem = t.elem;
      return `map[${entries.map(([k, x], i) => `${k}:${elem !== 'runtime.Object' && elem.kind === 'string' ? goSprint(x as string[]) : goAddr(i)}`).join(' ')}]`;
    }
  }
}

/** a Go runtime panic: kubectl dies with the message and its goroutine's stack, exit 2 */
function panic(message: string): never {
  throw new CommandError(`panic: ${message}\n\ngoroutine 1 [running]:\nmain.main()\n\tk8s.io/kubernetes/cmd/kubectl/kubectl.go:30 +0x18`, 2);
}

// ---------------------------------------------------------------- set, unset

interface Step {
  value: string;
  type: GoType | undefined;
}

/** kubectl's newNavigationSteps: the path's dot-separated tokens against the Config's types */
function navigationSteps(path: string): Step[] {
  const parts = path.split('.');
  const steps: Step[] = [];
  let t: GoType = CONFIG;
  let i = 0;
  while (i < parts.length) {
    if (t.kind === 'map') {
      if (t.elem === 'runtime.Object') panic('reflect: Elem of invalid type runtime.Object');
      const vt: GoType = t.elem;
      if (vt.kind !== 'struct') throw new CommandError(`error: ${t.elemName} is not of type struct`);
      // a map key may hold dots: it runs to the next token that names a field of the value type
      const rest = parts.slice(i);
      const known = rest.slice(1).findIndex((p) => vt.fields.some((f) => f.json === p));
      const name = known < 0 ? rest.join('.') : rest.slice(0, known + 1).join('.');
      steps.push({ value: name, type: vt });
      i += name.split('.').length;
      t = vt;
    } else if (t.kind === 'struct') {
      const field = t.fields.find((f) => f.json === parts[i]);
      if (!field) throw new CommandError(`error: unable to parse ${path} after [${steps.map((s) => `{${s.value} ${s.type && 'addr' in s.type ? s.type.addr : goAddr(0)}}`).join(' ')}] at ${t.name}`);
      steps.push({ value: parts[i], type: field.type });
      i++;
      t = field.type;
    } else {
      throw new CommandError(`error: unable to parse one or more field values of ${path}`);
    }
  }
  return steps;
}

interface Slot {
  get(): any;
  set(v: any): void;
}

/** the String() client-go gives the structs behind the pointers (it redacts their secrets) */
function describePtr(name: 'exec' | 'auth-provider', v: Rec): string {
  if (name === 'auth-provider') return `api.AuthProviderConfig{Name: ${goQuote(v.name)}, Config: map[string]string{${v.config ? '--- REDACTED ---' : '<nil>'}}}`;
  const args = v.args?.length ? '[]string{"--- REDACTED ---"}' : '[]string(nil)';
  const env = v.env?.length ? '[]ExecEnvVar{--- REDACTED ---}' : '[]ExecEnvVar(nil)';
  return `api.ExecConfig{Command: ${goQuote(v.command)}, Args: ${args}, Env: ${env}, APIVersion: ${goQuote(v.apiVersion)}, ProvideClusterInfo: ${v.provideClusterInfo}, Config: runtime.Object(nil), StdinUnavailable: false}`;
}

/** strconv.ParseBool */
const GO_BOOLS: Record<string, boolean> = { 1: true, t: true, T: true, TRUE: true, true: true, True: true, 0: false, f: false, F: false, FALSE: false, false: false, False: false };

/** kubectl's modifyConfig: walks the steps through the Config, creating map entries on the way (set) */
function modify(slot: Slot, t: GoType, steps: Step[], value: string, unset: boolean, rawBytes: boolean): void {
  const step = steps.shift() ?? { value: '', type: undefined };
  const more = steps.length > 0;
  switch (t.kind) {
    case 'map': {
      const m: Map<string, any> = slot.get();
      if (!more && !unset) throw new CommandError(`error: can't set a map to a value: ${goValue(t, m)}`);
      if (!more && unset) {
        m.delete(step.value);
        return;
      }
      if (!m.has(step.value)) {
        if (unset) throw new CommandError(`error: current map key \`${step.value}\` is invalid`);
        m.set(step.value, zero(t.elem as GoType));
      }
      return modify({ get: () => m.get(step.value), set: (v) => m.set(step.value, v) }, t.elem as GoType, steps, value, unset, rawBytes);
    }
    case 'string':
      slot.set(value);
      return;
    case 'strings':
      throw new CommandError('error: unrecognized slice type. string');
    case 'bytes': {
      if (unset) {
        slot.set('');
        return;
      }
      if (rawBytes) {
        slot.set(encodeBase64(value));
        return;
      }
      const bytes = goDecodeBase64(value);
      if (typeof bytes === 'number') throw new CommandError(`error: error decoding input value: illegal base64 data at input byte ${bytes}`);
      slot.set(encodeBase64Bytes(bytes));
      return;
    }
    case 'bool': {
      const b = GO_BOOLS[value];
      if (b === undefined) throw new CommandError(`error: strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
      slot.set(b);
      return;
    }
    case 'ptr': {
      const v = slot.get();
      return panic(`unrecognized type: ${v ? describePtr(t.name, v) : '<nil>'}`);
    }
    case 'struct': {
      const r: Rec = slot.get();
      const field = t.fields.find((f) => f.json === step.value);
      if (!field) {
        throw new CommandError(`error: unable to locate path config.navigationStep{stepValue:${goQuote(step.value)}, stepType:reflect.Type(nil)} under ${goValue(t, r)}`);
      }
      if (field.type.kind === 'map' && r[field.json] === null) {
        r[field.json] = new Map();
        if (!more && unset) return;
      }
      if (!more && unset) {
        r[field.json] = zero(field.type);
        return;
      }
      return modify({ get: () => r[field.json], set: (v) => (r[field.json] = v) }, field.type, steps, value, unset, rawBytes);
    }
  }
}

export const setProperty: CommandDef = {
  name: 'set',
  short: 'Set an individual value in a kubeconfig file',
  flags: [{ name: 'set-raw-bytes', type: 'bool' }],
  run(inv) {
    if (inv.args.length !== 2) helpError(inv, `Unexpected args: ${goSprint(inv.args)}`);
    const [property, value] = inv.args;
    if (!value) throw new CommandError('error: you cannot use set to unset a property');
    if (!property) throw new CommandError('error: you must specify a property');
    const l = load(inv);
    const steps = navigationSteps(property);
    modify({ get: () => l.model, set: () => undefined }, CONFIG, steps, value, false, inv.flags.bool('set-raw-bytes'));
    writeIfChanged(inv, l);
    inv.out(`Property ${goQuote(property)} set.\n`);
    return 0;
  },
};

export const unsetProperty: CommandDef = {
  name: 'unset',
  short: 'Unset an individual value in a kubeconfig file',
  run(inv) {
    if (inv.args.length !== 1) helpError(inv, `Unexpected args: ${goSprint(inv.args)}`);
    const property = inv.args[0];
    if (!property) throw new CommandError('error: you must specify a property');
    const l = load(inv);
    const steps = navigationSteps(property);
    modify({ get: () => l.model, set: () => undefined }, CONFIG, steps, '', true, true);
    writeIfChanged(inv, l);
    inv.out(`Property ${goQuote(property)} unset.\n`);
    return 0;
  },
};

