import type { ReactNode } from "react";

/** One named area of the workspace; `data-region` is a stable test hook. */
export function Region({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={`region region-${id}`} data-region={id} aria-label={title}>
      <h2 className="region-title">{title}</h2>
      <div className="region-body">{children}</div>
    </section>
  );
}
