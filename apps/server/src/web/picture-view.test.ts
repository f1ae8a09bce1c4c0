// The views that show what a student typed or made (the live picture, a check's result, the
// editor) escape it: a `<script>` in a pod name, a label value, a service selector, a file's
// content or a check's found text reaches the page as text. The cluster's API refuses such
// names, so this renders the views directly with them.
import fs from 'node:fs';
import hbs from 'hbs';
import { projectPath } from '../config/paths';
import type { ClusterPicture } from './cluster-picture';
import { viewHelpers } from './i18n/view-helpers';

const EVIL = '<script>alert(1)</script>';
// a separate instance, so the app's registrations are not touched
interface HandlebarsLike {
  registerHelper(name: string, fn: (...args: any[]) => unknown): void;
  registerPartial(name: string, source: string): void;
  compile(source: string): (model: object) => string;
}
const handlebars = (hbs as unknown as { create(): { handlebars: HandlebarsLike } }).create().handlebars;
for (const [name, fn] of Object.entries(viewHelpers)) handlebars.registerHelper(name, fn);
for (const p of ['picture', 'picturepods', 'checkresult', 'editor']) handlebars.registerPartial(p, fs.readFileSync(projectPath('views', 'partials', `${p}.hbs`), 'utf8'));
const render = (partial: string, model: object): string => handlebars.compile(`{{> ${partial}}}`)(model);

describe('views escape what students make', () => {
  const pod = { key: `default/${EVIL}`, namespace: 'default', name: EVIL, phase: 'Running', status: EVIL, ready: '1/1', restarts: 0, system: false, labels: [{ key: EVIL, value: EVIL }] };
  const picture: ClusterPicture = {
    version: 1,
    nodes: [{ name: EVIL, status: 'Ready', ready: true, roles: EVIL, pods: [pod] }],
    unscheduled: [pod],
    services: [{ key: `default/${EVIL}`, namespace: 'default', name: EVIL, type: 'ClusterIP', clusterIP: '10.96.0.9', ports: '80/TCP', selector: [{ key: 'app', value: EVIL }], pods: [pod.key], system: false }],
    ownServices: 1,
  };

  it('in the live picture', () => {
    const html = render('picture', { locale: 'en', picture });
    expect(html).not.toContain('<script');
    expect(html).toContain('data-pod-name="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<span class="pod-name">&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    expect(html).toContain('<code>app=&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(html).toContain('href="#pod:default/&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it("in a check's result and the editor", () => {
    const check = { passed: false, score: 0.5, conditions: [{ passed: false, expected: EVIL, found: EVIL }], hint: EVIL, at: '2026-01-01T00:00:00Z' };
    const html = render('checkresult', { locale: 'es', timeZone: 'UTC', ...check }) + render('editor', { locale: 'es', files: [{ path: EVIL }], file: { path: EVIL, content: EVIL } });
    expect(html).not.toContain('<script');
    expect(html).toContain('esperado: &lt;script&gt;alert(1)&lt;/script&gt;; encontrado: &lt;script&gt;');
    expect(html).toContain('Puntuación: 50 %');
    expect(html).toContain('>\n&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
  });
});
