import type { ReactNode, RefObject } from 'react';
import { CsvButton, ExcelTableButton } from './TableExportButtons';

/**
 * A panel of figures: its heading (`id` names it, for its table's label), what the figures mean in plain words, and a
 * button saving its table as CSV under `fileName` when it has one to save.
 */
export function FigurePanel({
  id,
  heading,
  count,
  definition,
  table,
  fileName,
  children,
}: {
  id: string;
  heading: string;
  /** Beside the heading, smaller: how many the panel lists. */
  count?: string;
  definition: string;
  table?: RefObject<HTMLTableElement | null>;
  fileName: string;
  children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>
          {heading} {count && <span className="count">{count}</span>}
        </h2>
        {table && <CsvButton table={table} title={heading} fileName={fileName} />}
        {table && <ExcelTableButton table={table} title={heading} fileName={fileName} />}
      </div>
      <p className="definition">{definition}</p>
      {children}
    </section>
  );
}
