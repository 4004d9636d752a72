import type { ReactNode } from "react";
import { type MdBlock, type MdInline, parseMarkdown } from "./markdownParse";

/**
 * Lesson prose as React elements. Every string reaches the DOM as a text node (React escapes
 * it), so HTML written in a lesson shows as text; links are limited to http(s) and app routes.
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return <div className={className ?? "markdown"}>{parseMarkdown(text).map(renderBlock)}</div>;
}

function renderBlock(block: MdBlock, key: number): ReactNode {
  switch (block.type) {
    case "paragraph":
      return <p key={key}>{inlines(block.children)}</p>;
    case "heading": {
      // Prose sits under the step's own heading (h3), so its headings start one level below.
      const Tag = `h${Math.min(6, block.level + 3)}` as "h4";
      return <Tag key={key}>{inlines(block.children)}</Tag>;
    }
    case "code":
      return (
        <pre key={key} data-lang={block.lang || undefined}>
          <code>{block.text}</code>
        </pre>
      );
    case "list": {
      const items = block.items.map((item, i) => <li key={i}>{inlines(item)}</li>);
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case "quote":
      return <blockquote key={key}>{inlines(block.children)}</blockquote>;
    case "table":
      return (
        <table key={key}>
          <thead>
            <tr>
              {block.header.map((cell, i) => (
                <th key={i}>{inlines(cell)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>{inlines(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

function inlines(nodes: MdInline[]): ReactNode[] {
  return nodes.map(renderInline);
}

function renderInline(node: MdInline, key: number): ReactNode {
  switch (node.type) {
    case "text":
      return node.text;
    case "code":
      return <code key={key}>{node.text}</code>;
    case "strong":
      return <strong key={key}>{inlines(node.children)}</strong>;
    case "em":
      return <em key={key}>{inlines(node.children)}</em>;
    case "link":
      return node.href.startsWith("#") ? (
        <a key={key} href={node.href}>
          {inlines(node.children)}
        </a>
      ) : (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
          {inlines(node.children)}
        </a>
      );
  }
}
