// evaluateStep: a pure function from a step's conditions and what is known about the cluster
// (its objects now, the inputs recorded, the transitions recorded, the time) to a result per
// condition with its weight, "expected …, found …" in the student's language, a score for
// partial credit and an automatic hint from the first condition that failed.

import type { KubeObject } from '../../engine/api/types';
import { parseDuration } from './duration';
import { fieldValues, show, textMatches } from './field-path';
import { expectedFound, kindWord, list, words } from './messages';
import { ParsedCommand, parseCommandLine } from './parse-command';
import { candidates, describeTarget, isReady, matching, mismatch, phaseOf, selectorText, targetNamespace, testText } from './target';
import type { CheckContext, Condition, ConditionResult, InputRecord, Locale, StepResult, TransitionRecord } from './types';

interface Outcome {
  passed: boolean;
  expected: string;
  found: string;
  /** what to tell the student when this is the first failure */
  hint?: string;
}

export function evaluateStep(checks: Condition[], ctx: CheckContext, locale: Locale): StepResult {
  const conditions: ConditionResult[] = checks.map((c, index) => {
    const o = evaluateCondition(c, ctx, locale);
    const weight = c.weight ?? 1;
    const r: ConditionResult = { index, type: c.type, passed: o.passed, weight, score: o.passed ? weight : 0, expected: o.expected, found: o.found, message: expectedFound(o.expected, o.found, locale) };
    if (c.id !== undefined) r.id = c.id;
    if (!o.passed && o.hint) r.hint = o.hint;
    return r;
  });
  const total = conditions.reduce((s, r) => s + r.weight, 0);
  const got = conditions.reduce((s, r) => s + (r.passed ? r.weight : 0), 0);
  const firstFailed = conditions.find((r) => !r.passed);
  return {
    passed: !firstFailed,
    score: total === 0 ? 1 : got / total,
    conditions,
    hint: firstFailed ? (firstFailed.hint ?? firstFailed.message) : undefined,
  };
}

export function evaluateCondition(c: Condition, ctx: CheckContext, locale: Locale): Outcome {
  switch (c.type) {
    case 'exists':
      return exists(c, ctx, locale);
    case 'absent':
      return absent(c, ctx, locale);
    case 'count':
      return count(c, ctx, locale);
    case 'field':
      return field(c, ctx, locale);
    case 'selects':
      return selects(c, ctx, locale);
    case 'command':
      return command(c, ctx, locale);
    case 'transition':
      return transition(c, ctx, locale);
    case 'replaced':
      return replaced(c, ctx, locale);
  }
}

const L = (locale: Locale, es: string, en: string): string => (locale === 'es' ? es : en);

function names(objs: KubeObject[]): string[] {
  return objs.map((o) => o.metadata.name ?? '');
}

function exists(c: Extract<Condition, { type: 'exists' }>, ctx: CheckContext, locale: Locale): Outcome {
  const found = matching(c, ctx, locale);
  const what = describeTarget(c, locale);
  const expected = L(locale, `que exista ${what}`, `${what} to exist`);
  if (found.length) return { passed: true, expected, found: list(names(found), locale) };
  const near = candidates(c, ctx);
  const kind = kindWord(c.resource);
  if (near.length) {
    // the object is there but not as asked: say what differs
    const why = near.map((o) => `${o.metadata.name} (${mismatch(o, c, locale)})`);
    const first = near[0];
    const reason = mismatch(first, c, locale) ?? '';
    const phase = phaseOf(first);
    let hint = L(locale, `${kind} "${first.metadata.name}" existe, pero no como se pide: ${reason}.`, `${kind} "${first.metadata.name}" exists, but not as asked: ${reason}.`);
    if (c.resource === 'pods' && phase && phase !== 'Running' && (c.phase === 'Running' || c.ready)) {
      hint += L(locale, ` Mira sus eventos: kubectl describe pod ${first.metadata.name}`, ` Look at its events: kubectl describe pod ${first.metadata.name}`);
    }
    return { passed: false, expected, found: list(why, locale), hint };
  }
  const ns = targetNamespace(c);
  // the right name in another namespace is a classic slip
  if (c.name !== undefined && ns !== undefined) {
    const elsewhere = ctx.objects(c.resource).filter((o) => o.metadata.name === c.name);
    if (elsewhere.length) {
      const other = elsewhere[0].metadata.namespace;
      return {
        passed: false,
        expected,
        found: L(locale, `${kind} "${c.name}" en ${other}`, `${kind} "${c.name}" in ${other}`),
        hint: L(locale, `${kind} "${c.name}" está en el espacio de nombres ${other}, no en ${ns}: usa -n ${ns}.`, `${kind} "${c.name}" is in namespace ${other}, not in ${ns}: use -n ${ns}.`),
      };
    }
  }
  const others = ctx.objects(c.resource, ns);
  const hint = others.length && c.name !== undefined
    ? L(locale, `No hay ${kind} "${c.name}"; los que hay se llaman ${list(names(others), locale)}.`, `There is no ${kind} "${c.name}"; the ones there are ${list(names(others), locale)}.`)
    : L(locale, `Todavía no hay ${what}.`, `There is no ${what} yet.`);
  return { passed: false, expected, found: words.none[locale], hint };
}

function absent(c: Extract<Condition, { type: 'absent' }>, ctx: CheckContext, locale: Locale): Outcome {
  const found = matching(c, ctx, locale);
  const what = describeTarget(c, locale);
  const expected = L(locale, `que no exista ${what}`, `no ${what}`);
  if (!found.length) return { passed: true, expected, found: words.none[locale] };
  const ns = targetNamespace(c);
  const nsFlag = ns && ns !== 'default' ? ` -n ${ns}` : '';
  return {
    passed: false,
    expected,
    found: list(names(found), locale),
    hint: L(locale, `Todavía existe: ${list(names(found), locale)}. Bórralo con kubectl delete ${c.resource.replace(/s$/, '')} ${found[0].metadata.name}${nsFlag}.`, `It still exists: ${list(names(found), locale)}. Delete it with kubectl delete ${c.resource.replace(/s$/, '')} ${found[0].metadata.name}${nsFlag}.`),
  };
}

function count(c: Extract<Condition, { type: 'count' }>, ctx: CheckContext, locale: Locale): Outcome {
  const n = matching(c, ctx, locale).length;
  const what = describeTarget(c, locale);
  const bounds: string[] = [];
  if (c.equals !== undefined) bounds.push(L(locale, `exactamente ${c.equals}`, `exactly ${c.equals}`));
  if (c.atLeast !== undefined) bounds.push(L(locale, `al menos ${c.atLeast}`, `at least ${c.atLeast}`));
  if (c.atMost !== undefined) bounds.push(L(locale, `como mucho ${c.atMost}`, `at most ${c.atMost}`));
  const passed = (c.equals === undefined || n === c.equals) && (c.atLeast === undefined || n >= c.atLeast) && (c.atMost === undefined || n <= c.atMost);
  const expected = `${bounds.join(L(locale, ' y ', ' and '))}: ${what}`;
  const all = candidates(c, ctx).length;
  const hint = passed
    ? undefined
    : all > n
      ? L(locale, `Hay ${all} en total, pero solo ${n} cumplen: ${what}. Compruébalo con kubectl get ${c.resource}.`, `There are ${all} in all, but only ${n} match: ${what}. Look with kubectl get ${c.resource}.`)
      : L(locale, `Hay ${n}; hacen falta ${bounds.join(L(locale, ' y ', ' and '))}.`, `There are ${n}; ${bounds.join(' and ')} needed.`);
  return { passed, expected, found: String(n), hint };
}

function field(c: Extract<Condition, { type: 'field' }>, ctx: CheckContext, locale: Locale): Outcome {
  const objs = matching({ ...c, where: undefined }, ctx, locale);
  const what = describeTarget({ ...c, where: undefined }, locale);
  const expected = L(locale, `${testText(c.test, locale)} en ${what}`, `${testText(c.test, locale)} on ${what}`);
  if (!objs.length) return { passed: false, expected, found: L(locale, `ningún ${what}`, `no ${what}`), hint: L(locale, `Todavía no hay ${what}.`, `There is no ${what} yet.`) };
  const ok = objs.filter((o) => matching({ resource: c.resource, namespace: c.namespace, name: o.metadata.name, where: [c.test] }, ctx, locale).length > 0);
  const values = objs.flatMap((o) => fieldValues(o, c.test.path)).map(show);
  const found = values.length ? `${c.test.path} = ${list(values, locale)}` : L(locale, `${c.test.path} vacío`, `${c.test.path} unset`);
  const first = objs[0];
  return {
    passed: ok.length > 0,
    expected,
    found,
    hint: L(locale, `En ${kindWord(c.resource)} "${first.metadata.name}", ${found}; se pide ${testText(c.test, locale)}.`, `On ${kindWord(c.resource)} "${first.metadata.name}", ${found}; the step asks for ${testText(c.test, locale)}.`),
  };
}

function selects(c: Extract<Condition, { type: 'selects' }>, ctx: CheckContext, locale: Locale): Outcome {
  const ns = c.namespace ?? 'default';
  const need = c.atLeast ?? 1;
  const expected = L(locale, `Service "${c.name}" que seleccione al menos ${need} pod listo`, `Service "${c.name}" selecting at least ${need} ready pod${need === 1 ? '' : 's'}`);
  const svc = ctx.objects('services', ns).find((s) => s.metadata.name === c.name) as (KubeObject & { spec?: { selector?: Record<string, string> } }) | undefined;
  if (!svc) return { passed: false, expected, found: words.none[locale], hint: L(locale, `No hay Service "${c.name}" en ${ns}.`, `There is no Service "${c.name}" in ${ns}.`) };
  const sel = svc.spec?.selector ?? {};
  const pods = ctx.objects('pods', ns);
  const selected = pods.filter((p) => Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v) && Object.keys(sel).length > 0);
  const ready = selected.filter(isReady);
  const found = L(locale, `el selector ${selectorText(sel) || '—'} elige ${selected.length} pods (${ready.length} listos)`, `selector ${selectorText(sel) || '—'} picks ${selected.length} pods (${ready.length} ready)`);
  if (ready.length >= need) return { passed: true, expected, found };
  let hint: string;
  if (!Object.keys(sel).length) hint = L(locale, `Tu Service "${c.name}" no tiene selector.`, `Your Service "${c.name}" has no selector.`);
  else if (selected.length === 0) {
    const theirs = [...new Set(pods.flatMap((p) => Object.entries(p.metadata.labels ?? {}).filter(([k]) => k in sel).map(([k, v]) => `${k}=${v}`)))];
    hint = theirs.length
      ? L(locale, `Tu Service selecciona ${selectorText(sel)}; ningún pod tiene esa etiqueta, los tuyos tienen ${list(theirs, locale)}.`, `Your Service selects ${selectorText(sel)}; no pod has that label, yours have ${list(theirs, locale)}.`)
      : L(locale, `Tu Service selecciona ${selectorText(sel)}; ningún pod de ${ns} tiene esa etiqueta.`, `Your Service selects ${selectorText(sel)}; no pod in ${ns} has that label.`);
  } else hint = L(locale, `Tu Service elige ${selected.length} pods, pero ${ready.length} están listos: mira kubectl get pods -l ${selectorText(sel)}.`, `Your Service picks ${selected.length} pods, but ${ready.length} are ready: look at kubectl get pods -l ${selectorText(sel)}.`);
  return { passed: false, expected, found, hint };
}

/** does a recorded time satisfy within/before/after */
function inWindow(at: number, c: { within?: string; before?: string; after?: string }, ctx: CheckContext): boolean {
  if (c.within !== undefined && at < ctx.now - parseDuration(c.within)) return false;
  if (c.before !== undefined && at >= Date.parse(c.before)) return false;
  if (c.after !== undefined) {
    const from = c.after === 'step' ? (ctx.stepStartedAt ?? -Infinity) : Date.parse(c.after);
    if (at < from) return false;
  }
  return true;
}

function windowText(c: { within?: string; before?: string; after?: string }, locale: Locale): string {
  const parts: string[] = [];
  if (c.within) parts.push(L(locale, `en los últimos ${c.within}`, `within the last ${c.within}`));
  if (c.before) parts.push(L(locale, `antes de ${c.before}`, `before ${c.before}`));
  if (c.after) parts.push(c.after === 'step' ? L(locale, 'desde que empezó el paso', 'since the step started') : L(locale, `después de ${c.after}`, `after ${c.after}`));
  return parts.length ? ` ${parts.join(', ')}` : '';
}

export function commandMatches(c: Extract<Condition, { type: 'command' }>, p: ParsedCommand): boolean {
  if (!textMatches(c.tool ?? 'kubectl', p.tool)) return false;
  const verbs = c.verb === undefined ? undefined : Array.isArray(c.verb) ? c.verb : [c.verb];
  if (verbs && !verbs.includes(p.verb)) return false;
  for (const [name, want] of Object.entries(c.flags ?? {})) {
    const v = p.flags.get(name);
    if (want === true && v === undefined) return false;
    if (want === false && v !== undefined) return false;
    if (typeof want === 'string') {
      const values = v === undefined ? [] : Array.isArray(v) ? v : [String(v)];
      if (!values.some((x) => textMatches(want, x))) return false;
    }
  }
  // `pod/web` and `pod web` name the same thing
  const args = p.args.flatMap((a) => (a.includes('/') && !a.startsWith('/') && !a.startsWith('.') ? [a, ...a.split('/')] : [a]));
  for (const want of c.args ?? []) if (!args.some((a) => textMatches(want, a))) return false;
  if (c.namespace !== undefined && (p.namespace ?? 'default') !== c.namespace) return false;
  return true;
}

function commandText(c: Extract<Condition, { type: 'command' }>): string {
  const verbs = c.verb === undefined ? '' : ` ${Array.isArray(c.verb) ? c.verb.join('|') : c.verb}`;
  const flags = Object.entries(c.flags ?? {})
    .filter(([, v]) => v !== false)
    .map(([k, v]) => (v === true ? ` --${k}` : ` --${k}=${v}`))
    .join('');
  const args = (c.args ?? []).map((a) => ` ${a}`).join('');
  const ns = c.namespace ? ` -n ${c.namespace}` : '';
  return `\`${c.tool ?? 'kubectl'}${verbs}${args}${flags}${ns}\``;
}

function matchingInputs(c: Extract<Condition, { type: 'command' }>, ctx: CheckContext): InputRecord[] {
  const succeeded = c.succeeded ?? true;
  return ctx.inputs.filter(
    (i) => inWindow(i.at, c, ctx) && (!succeeded || (i.exitCode ?? 0) === 0) && parseCommandLine(i.command, i.aliases).some((p) => commandMatches(c, p)),
  );
}

function command(c: Extract<Condition, { type: 'command' }>, ctx: CheckContext, locale: Locale): Outcome {
  const hits = matchingInputs(c, ctx);
  const what = `${commandText(c)}${windowText(c, locale)}`;
  if (c.not) {
    const expected = L(locale, `no usar ${what}`, `not to run ${what}`);
    if (!hits.length) return { passed: true, expected, found: words.notRun[locale] };
    return {
      passed: false,
      expected,
      found: `\`${hits[0].command}\``,
      hint: L(locale, `Ejecutaste \`${hits[0].command}\`; este paso pide hacerlo de otra forma.`, `You ran \`${hits[0].command}\`; this step asks you to do it another way.`),
    };
  }
  const expected = L(locale, `haber ejecutado ${what}`, `to have run ${what}`);
  if (hits.length) return { passed: true, expected, found: `\`${hits[hits.length - 1].command}\`` };
  // a near miss: the same tool and verb, but failed, or out of the time window, or other flags
  const sameVerb = ctx.inputs.filter((i) => parseCommandLine(i.command, i.aliases).some((p) => commandMatches({ type: 'command', tool: c.tool, verb: c.verb }, p)));
  const last = sameVerb[sameVerb.length - 1];
  if (last) {
    return {
      passed: false,
      expected,
      found: `\`${last.command}\``,
      hint: (last.exitCode ?? 0) !== 0
        ? L(locale, `\`${last.command}\` terminó con error (código ${last.exitCode}): lee su mensaje y corrígelo.`, `\`${last.command}\` failed (exit code ${last.exitCode}): read its message and fix it.`)
        : L(locale, `Ejecutaste \`${last.command}\`, pero este paso pide ${what}.`, `You ran \`${last.command}\`, but this step asks for ${what}.`),
    };
  }
  return { passed: false, expected, found: words.notRun[locale], hint: L(locale, `Este paso pide ejecutar ${what}.`, `This step asks you to run ${what}.`) };
}

function ownerMatches(rec: TransitionRecord, owner: { kind: string; name?: string; namePrefix?: string } | undefined): boolean {
  if (!owner) return true;
  if (!rec.owner || rec.owner.kind !== owner.kind) return false;
  if (owner.name !== undefined && rec.owner.name !== owner.name) return false;
  if (owner.namePrefix !== undefined && !rec.owner.name.startsWith(owner.namePrefix)) return false;
  return true;
}

function ownerText(owner: { kind: string; name?: string; namePrefix?: string } | undefined, locale: Locale): string {
  if (!owner) return '';
  const name = owner.name ?? (owner.namePrefix ? `${owner.namePrefix}…` : '');
  return L(locale, ` de ${owner.kind} ${name}`.trimEnd(), ` of ${owner.kind} ${name}`.trimEnd());
}

function transitionFilter(c: { resource: string; namespace?: string; name?: string; namePrefix?: string }, rec: TransitionRecord): boolean {
  if (rec.resource !== c.resource) return false;
  const ns = targetNamespace(c);
  if (ns !== undefined && rec.namespace !== ns) return false;
  if (c.name !== undefined && rec.name !== c.name) return false;
  if (c.namePrefix !== undefined && !rec.name.startsWith(c.namePrefix)) return false;
  return true;
}

const KIND_WORD = {
  added: { es: 'creado', en: 'added' },
  modified: { es: 'modificado', en: 'modified' },
  deleted: { es: 'borrado', en: 'deleted' },
} as const;

function transition(c: Extract<Condition, { type: 'transition' }>, ctx: CheckContext, locale: Locale): Outcome {
  const hits = ctx.transitions.filter((t) => t.kind === c.kind && transitionFilter(c, t) && ownerMatches(t, c.owner) && (c.phase === undefined || t.phase === c.phase) && inWindow(t.at, c, ctx));
  const need = c.atLeast ?? 1;
  const subject = `${kindWord(c.resource)}${c.name ? ` "${c.name}"` : ''}${ownerText(c.owner, locale)}`;
  const phase = c.phase ? ` ${words.phase[locale]} ${c.phase}` : '';
  const expected = L(locale, `${need > 1 ? `${need} veces ` : ''}${subject} ${KIND_WORD[c.kind].es}${phase}${windowText(c, locale)}`, `${subject} ${KIND_WORD[c.kind].en}${phase}${need > 1 ? ` ${need} times` : ''}${windowText(c, locale)}`);
  const passed = hits.length >= need;
  return {
    passed,
    expected,
    found: String(hits.length),
    hint: passed ? undefined : L(locale, `Todavía no ha pasado: ${expected}.`, `That has not happened yet: ${expected}.`),
  };
}

function replaced(c: Extract<Condition, { type: 'replaced' }>, ctx: CheckContext, locale: Locale): Outcome {
  const mine = ctx.transitions.filter((t) => transitionFilter(c, t) && ownerMatches(t, c.owner));
  // a deletion starts when the pod gets its deletionTimestamp (the controller replaces it then,
  // long before the kubelet finishes it off); one pod is counted once
  const started = new Map<string, TransitionRecord>();
  for (const t of mine) if ((t.kind === 'deleted' || t.terminating) && inWindow(t.at, c, ctx) && !started.has(t.name)) started.set(t.name, t);
  const deletions = [...started.values()];
  const replacement = deletions.find((d) => mine.some((a) => a.kind === 'added' && a.at >= d.at && a.name !== d.name));
  const subject = `${kindWord(c.resource)}${ownerText(c.owner, locale)}`;
  const expected = L(locale, `un ${subject} borrado y sustituido por otro${windowText(c, locale)}`, `a ${subject} deleted and replaced by a new one${windowText(c, locale)}`);
  if (replacement) return { passed: true, expected, found: L(locale, `${replacement.name} sustituido`, `${replacement.name} replaced`) };
  const found = deletions.length ? L(locale, `${deletions.length} borrados sin sustituto`, `${deletions.length} deleted, none replaced`) : L(locale, 'ningún borrado', 'no deletion');
  return {
    passed: false,
    expected,
    found,
    hint: deletions.length
      ? L(locale, 'Se borró un pod pero aún no hay otro en su lugar: espera unos segundos y vuelve a comprobar.', 'A pod was deleted but no new one has taken its place yet: wait a few seconds and check again.')
      : L(locale, `Borra uno de los pods${ownerText(c.owner, locale)} y observa qué hace el controlador.`, `Delete one of the pods${ownerText(c.owner, locale)} and watch what the controller does.`),
  };
}
