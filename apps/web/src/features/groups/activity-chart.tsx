// Reviews per day as an SVG bar chart (server-rendered, no script), with a table for screen readers.
export function ActivityChart({
  data,
  label,
  empty,
}: {
  data: { day: string; reviews: number; learners: number }[];
  label: string;
  /** Shown instead of the chart when there is no review at all. */
  empty?: string;
}) {
  if (empty !== undefined && data.every((d) => d.reviews === 0)) {
    return (
      <p className="chart-empty muted" data-testid="plot-empty">
        {empty}
      </p>
    );
  }
  const max = Math.max(1, ...data.map((d) => d.reviews));
  const w = 600;
  const h = 120;
  const bw = w / Math.max(1, data.length);
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${w} ${h + 16}`} role="img" aria-label={label} style={{ width: "100%" }}>
        <title>{label}</title>
        {data.map((d, i) => {
          const bh = (d.reviews / max) * h;
          return (
            <rect
              key={d.day}
              x={i * bw + 1}
              y={h - bh}
              width={bw - 2}
              height={bh}
              fill="var(--accent)"
            >
              <title>{`${d.day}: ${d.reviews} (${d.learners})`}</title>
            </rect>
          );
        })}
        <text x={0} y={h + 14} fontSize={11} fill="currentColor">
          {data[0]?.day}
        </text>
        <text x={w} y={h + 14} fontSize={11} fill="currentColor" textAnchor="end">
          {data[data.length - 1]?.day}
        </text>
      </svg>
      <figcaption className="visually-hidden">
        {data
          .filter((d) => d.reviews > 0)
          .map((d) => `${d.day}: ${d.reviews}`)
          .join(", ")}
      </figcaption>
    </figure>
  );
}

/** A member's reviews per day as a small line, with the numbers as its accessible name. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const w = 90;
  const h = 20;
  const step = w / Math.max(1, values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(h - (v / max) * h).toFixed(1)}`);
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline points={points.join(" ")} fill="none" stroke="var(--accent)" strokeWidth={1.5} />
    </svg>
  );
}
