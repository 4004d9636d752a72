import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";
import { parseInline, parseMarkdown, safeHref } from "./markdownParse";

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("lesson Markdown", () => {
  it("renders paragraphs with inline code, bold, italics and links", () => {
    expect(html("Run `kubectl get pods`, **then** *look*.\nSee [docs](https://kubernetes.io/docs/).")).toBe(
      '<div class="markdown"><p>Run <code>kubectl get pods</code>, <strong>then</strong> <em>look</em>. See <a href="https://kubernetes.io/docs/" target="_blank" rel="noopener noreferrer">docs</a>.</p></div>',
    );
  });

  it("shows HTML written in a lesson as text, never as markup", () => {
    const out = html('<img src=x onerror="alert(1)"> and <script>alert(2)</script>');
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<script");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("drops javascript: and data: links, keeping their text", () => {
    expect(html("[click](javascript:alert(1)) [x](data:text/html,hi)")).toBe(
      '<div class="markdown"><p>click x</p></div>',
    );
    expect(safeHref("JAVASCRIPT:alert(1)")).toBeUndefined();
    expect(safeHref("#/lessons/01-pods/2")).toBe("#/lessons/01-pods/2");
  });

  it("keeps fenced code verbatim, Markdown and HTML included", () => {
    expect(parseMarkdown("```yaml\nkind: Pod\n**not bold** <b>\n```")).toEqual([
      { type: "code", lang: "yaml", text: "kind: Pod\n**not bold** <b>" },
    ]);
  });

  it("reads bullet and numbered lists, with indented continuation lines", () => {
    expect(parseMarkdown("Steps:\n\n1. apply\n2. watch\n   closely\n\n- a\n- b")).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "Steps:" }] },
      {
        type: "list",
        ordered: true,
        items: [[{ type: "text", text: "apply" }], [{ type: "text", text: "watch closely" }]],
      },
      { type: "list", ordered: false, items: [[{ type: "text", text: "a" }], [{ type: "text", text: "b" }]] },
    ]);
  });

  it("reads headings, quotes and tables", () => {
    const blocks = parseMarkdown("## Why\n> note\n\n| key | holds |\n| --- | --- |\n| `equals` | a |");
    expect(blocks.map((b) => b.type)).toEqual(["heading", "quote", "table"]);
    expect(html("| a | b |\n|---|---|\n| 1 | 2 |")).toContain("<thead><tr><th>a</th><th>b</th></tr></thead>");
  });

  it("leaves snake_case words and lone asterisks alone", () => {
    expect(parseInline("max_surge and 2 * 3")).toEqual([{ type: "text", text: "max_surge and 2 * 3" }]);
  });
});
