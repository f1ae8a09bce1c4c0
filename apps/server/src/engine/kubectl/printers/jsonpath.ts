// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath as of v1.32): the evaluator with its
// range/end bookkeeping, and the printing of results (values of one {...} joined by spaces; maps
// and lists as compact JSON), plus kubectl's error texts. Go map iteration order is random; here
// wildcards and `..` visit map keys in sorted order.

import { goQuote, goSprint, goSyntax, goTypeName } from './go-format';
import { toCompactJson, toJson } from './json';
import { JsonPathSyntaxError, Parser, type ListNode, type Node, type Param } from './jsonpath-parser';

export { JsonPathSyntaxError } from './jsonpath-parser';

// ---- evaluator (jsonpath.go) -----------------------------------------------------------------------

/** An evaluation failure; `message` is the Go error text (`x is not found`). */
export class JsonPathExecError extends Error {}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sortedKeys = (m: Record<string, unknown>): string[] => Object.keys(m).filter((k) => m[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The elements a wildcard or `..` visits: map values, list items, the bytes of a string. */
function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return [...new TextEncoder().encode(v)];
  return [];
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid';
const basicKind = (v: unknown): Kind =>
  typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : typeof v === 'string' ? 'string' : 'invalid';

/** text/template's eq/lt (forked in client-go): the same basic kind only, else an error. */
function compare(op: string, left: unknown, right: unknown): boolean {
  const k1 = basicKind(left);
  const k2 = basicKind(right);
  if (k1 === 'invalid' || k2 === 'invalid') throw new JsonPathExecError('invalid type for comparison');
  if (op === '==' || op === '!=') {
    if (k1 !== k2) throw new JsonPathExecError('incompatible types for comparison');
    return (left === right) === (op === '==');
  }
  if (k1 !== k2) throw new JsonPathExecError('incompatible types for comparison');
  if (k1 === 'bool') throw new JsonPathExecError('invalid type for comparison');
  const a = left as number | string;
  const b = right as number | string;
  switch (op) {
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
  }
  throw new JsonPathExecError(`unrecognized filter operator ${op}`);
}

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: Node | null = null;
  private rootNodes: Node[];

  constructor(
    root: ListNode,
    private readonly allowMissingKeys: boolean,
  ) {
    this.rootNodes = root.nodes;
  }

  findResults(data: unknown): unknown[][] {
    const cur = [data];
    const nodes = this.rootNodes;
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      // an end node closes the current block
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      // a range node starts a loop over its results
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            this.rootNodes = nodes.slice(i + 1);
            full.push(...this.findResults(value));
          }
        } else {
          // still walk the body so that the position reaches its end node
          this.rootNodes = nodes.slice(i + 1);
          this.findResults(null);
        }
        this.inRange--;
        // resume after the most recent end node
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: unknown[], node: Node): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.value);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((v) => (v === null || v === undefined ? [] : children(v)));
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((list) => this.evalList(input, list));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], node: ListNode): unknown[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathExecError('not in range, nothing to end');
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`);
  }

  private evalField(input: unknown[], key: string): unknown[] {
    const results: unknown[] = [];
    if (input.length === 0) return results;
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, key) && v[key] !== undefined) results.push(v[key]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathExecError(`${key} is not found`);
    return results;
  }

  private evalArray(input: unknown[], nodeParams: [Param, Param, Param]): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`);
      const params = nodeParams.map((p) => ({ ...p })) as [Param, Param, Param];
      const len = v.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += len;
      if (!params[1].known) params[1].value = len;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
      if (params[1].value === params[0].value) return result; // zero elements requested
      if (params[0].value >= len || params[0].value < 0) {
        throw new JsonPathExecError(`array index out of bounds: index ${params[0].value}, length ${len}`);
      }
      if (params[1].value > len || params[1].value < 0) {
        throw new JsonPathExecError(`array index out of bounds: index ${params[1].value - 1}, length ${len}`);
      }
      if (params[0].value > params[1].value) {
        throw new JsonPathExecError(`starting index ${params[0].value} is greater than ending index ${params[1].value}`);
      }
      const slice = v.slice(params[0].value, params[1].value);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathExecError('step must be > 0');
        step = params[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length > 0) {
        result.push(v);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: unknown[], node: Node & { type: 'filter' }): unknown[] {
    const results: unknown[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goSprint(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: unknown[];
        try {
          lefts = this.evalList([item], node.left);
        } catch (e) {
          if (node.operator === 'exists') continue;
          throw e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        // an item without the compared field is skipped
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        if (compare(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
}

// ---- public API ---------------------------------------------------------------------------------------

export interface JsonPathOptions {
  /** --allow-missing-template-keys (kubectl's default: true) */
  allowMissingKeys?: boolean;
  /** -o jsonpath-as-json */
  outputJson?: boolean;
}

export interface JsonPathTemplate {
  text: string;
  root: ListNode;
}

/** Parses a template; throws JsonPathSyntaxError with the Go message. */
export function parseJsonPath(text: string): JsonPathTemplate {
  return { text, root: new Parser().parse(text) };
}

/** FindResults: one list of values per template node (text pieces included). */
export function findJsonPathResults(tmpl: JsonPathTemplate, data: unknown, allowMissingKeys = true): unknown[][] {
  // the evaluator mutates its view of the node list while ranging: use a fresh one per call
  return new Evaluator(tmpl.root, allowMissingKeys).findResults(data);
}

const isComposite = (v: unknown): boolean => typeof v === 'object' && v !== null;

/** PrintResults for each result list, as Execute writes them. */
export function executeJsonPath(tmpl: JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): string {
  let out = '';
  for (let results of findJsonPathResults(tmpl, data, opts.allowMissingKeys ?? true)) {
    if (opts.outputJson) results = [results];
    results.forEach((r, i) => {
      let text: string;
      if (opts.outputJson) text = toJson(r);
      else if (isComposite(r)) text = toCompactJson(r);
      else if (r === null || r === undefined) text = 'null';
      else text = goSprint(r);
      out += i !== results.length - 1 ? `${text} ` : text;
    });
  }
  return out;
}

/**
 * Errors as kubectl's jsonpath printer reports them. `message` is exactly what follows `error: `
 * on stderr, trailing newlines included (kubectl adds none when there is one).
 */
export class JsonPathError extends Error {}

/**
 * `-o jsonpath=<template>` for one object (pass listOf(items) for a list); throws JsonPathError.
 * `opts` may be a boolean: true for `-o jsonpath-as-json`.
 */
export function printJsonPath(obj: unknown, template: string, options: JsonPathOptions | boolean = {}): string {
  const opts: JsonPathOptions = typeof options === 'boolean' ? { outputJson: options } : options;
  let tmpl: JsonPathTemplate;
  try {
    tmpl = parseJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) throw new JsonPathError(`error parsing jsonpath ${template}, ${e.message}\n`);
    throw e;
  }
  try {
    return executeJsonPath(tmpl, obj, opts);
  } catch (e) {
    if (!(e instanceof JsonPathExecError)) throw e;
    const details =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSyntax(obj)}\n\n`;
    throw new JsonPathError(`error executing jsonpath ${goQuote(template)}: ${details}\n`);
  }
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * RelaxedJSONPathExpression (custom-columns, --sort-by): `metadata.name`, `.metadata.name`,
 * `{metadata.name}` all become `{.metadata.name}`. Throws JsonPathError on other shapes.
 */
export function relaxedJsonPathExpression(expr: string): string {
  if (expr.length === 0) return expr;
  const m = RELAXED.exec(expr);
  if (!m) {
    throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] || m[2]}}`;
}
