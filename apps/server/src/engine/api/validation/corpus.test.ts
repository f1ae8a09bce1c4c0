import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { applyDefaults } from '../defaults';
import { resourceForKind } from '../resources';
import { typeErrors, unknownFields } from '../schema';
import { validateObject } from './index';

// The kubernetes.io example manifests are all valid: they must decode strictly and validate
// after defaulting, or our schema or validation is stricter than the real API server.
const CORPUS = path.resolve(__dirname, '../../../../../../../shared/corpus/k8s-website');

function manifests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? manifests(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

const files = fs.existsSync(CORPUS) ? manifests(CORPUS) : [];
if (!files.length) console.warn(`skipping the corpus validation test: ${CORPUS} is absent`);
const cases = files.flatMap((f) =>
  parseAllDocuments(fs.readFileSync(f, 'utf8'))
    .map((d) => d.toJSON())
    .filter((o) => o?.kind && resourceForKind(o.apiVersion, o.kind))
    .map((o) => [`${path.relative(CORPUS, f)} ${o.kind}/${o.metadata?.name}`, o] as const),
);

(cases.length ? describe : describe.skip)('the k8s-website corpus', () => {
  it.each(cases.length ? cases : [['none', {}] as const])('%s', (_name, obj: any) => {
    const o = JSON.parse(JSON.stringify(obj));
    expect(unknownFields(o)).toEqual([]);
    expect(typeErrors(o)).toEqual([]);
    o.metadata ??= {};
    if (resourceForKind(o.apiVersion, o.kind)!.namespaced) o.metadata.namespace ??= 'default';
    applyDefaults(o);
    expect(validateObject(o).map((e) => `${e.field}: ${e.detail}`)).toEqual([]);
  });
});
