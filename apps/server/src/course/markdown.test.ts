import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders markdown and keeps the language class of code blocks', () => {
    const html = renderMarkdown('A **pod**:\n\n```bash\nkubectl run nginx --image=nginx\n```\n');
    expect(html).toBe('<p>A <strong>pod</strong>:</p>\n<pre><code class="language-bash">kubectl run nginx --image=nginx\n</code></pre>');
  });

  it('escapes what a code block holds', () => {
    expect(renderMarkdown('```yaml\nname: <script>x</script>\n```')).toContain('name: &lt;script&gt;x&lt;/script&gt;');
  });

  it('drops scripts, event handlers, javascript: links and foreign classes', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src="https://x/y.png" onerror="alert(2)">\n\n[l](javascript:alert(3)) <span class="evil" style="color:red">s</span>\n\n<pre><code class="language-sh evil">ls</code></pre>');
    expect(html).not.toMatch(/<script|onerror|javascript:|style=|evil/);
    expect(html).toContain('<img src="https://x/y.png" />');
    expect(html).toContain('<code class="language-sh">ls</code>');
  });

  it('opens links in a new tab without an opener', () => {
    expect(renderMarkdown('[docs](https://kubernetes.io/docs/)')).toBe('<p><a href="https://kubernetes.io/docs/" target="_blank" rel="noopener noreferrer">docs</a></p>');
  });
});
