// Hand-drawn SVG plots rendered on the server (no chart library, no client JavaScript): the
// statistics page, the home page's forecast and the group dashboard's activity. Each plot has a
// title, a description and the same numbers in a small table behind a <details> (screen readers).
import type { ReactNode } from "react";
import { yAxisOf } from "./axis-ticks";

export interface PlotDatum {
  label: string;
  value: number;
  /** Shown in the table and the tooltip (default: the value). */
  display?: string;
}

interface PlotFrameProps {
  id: string;
  title: string;
  desc: string;
  tableLabel: string;
  columns: [string, string];
  rows: { label: string; display: string }[];
  children: ReactNode;
}

function PlotFrame(p: PlotFrameProps) {
  return (
    <figure className="plot" aria-labelledby={`${p.id}-title`} data-testid={`plot-${p.id}`}>
      <h2 id={`${p.id}-title`}>{p.title}</h2>
      <p className="muted small" id={`${p.id}-desc`}>
        {p.desc}
      </p>
      {p.children}
      <details>
        <summary>{p.tableLabel}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.columns[0]}</th>
                <th scope="col">{p.columns[1]}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{r.display}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

const W = 640;
const H = 180;
const PAD = { l: 34, r: 8, t: 8, b: 22 };

/** `max`: the axis top (yAxisOf); the ticks: those whose labels are true. */
function YAxis({ max, ticks }: { max: number; ticks: { value: number; label: string }[] }) {
  const ih = H - PAD.t - PAD.b;
  return (
    <g>
      {ticks.map(({ value, label }) => {
        const y = PAD.t + ih - (value / max) * ih;
        return (
          <g key={value}>
            <line className="grid" x1={PAD.l} x2={W - PAD.r} y1={y} y2={y} />
            <text className="axis" x={PAD.l - 4} y={y + 3} textAnchor="end">
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Shown instead of an empty plot's axes (a plot of zeros read as "0, 1, 1" ticks). */
function NoData({ text }: { text: string }) {
  return (
    <p className="chart-empty muted" data-testid="plot-empty">
      {text}
    </p>
  );
}

function xLabelEvery(n: number): number {
  return n <= 12 ? 1 : Math.ceil(n / 8);
}

export function BarPlot(p: {
  id: string;
  title: string;
  desc: string;
  tableLabel: string;
  columns: [string, string];
  data: PlotDatum[];
  format?: (v: number) => string;
  /** Text shown when every value is zero (no data yet). */
  empty?: string;
}) {
  const format = p.format ?? ((v: number) => String(Math.round(v * 10) / 10));
  if (p.empty !== undefined && p.data.every((d) => d.value === 0)) {
    return (
      <PlotFrame {...p} rows={[]}>
        <NoData text={p.empty} />
      </PlotFrame>
    );
  }
  const axis = yAxisOf(Math.max(0, ...p.data.map((d) => d.value)), format);
  const max = axis.top;
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const bw = iw / Math.max(1, p.data.length);
  const every = xLabelEvery(p.data.length);
  return (
    <PlotFrame
      {...p}
      rows={p.data.map((d) => ({ label: d.label, display: d.display ?? format(d.value) }))}
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`}>
        <title>{p.title}</title>
        <YAxis max={max} ticks={axis.ticks} />
        {p.data.map((d, i) => {
          const h = (d.value / max) * ih;
          return (
            <g key={d.label}>
              <rect
                className="bar"
                x={PAD.l + i * bw + bw * 0.1}
                y={PAD.t + ih - h}
                width={Math.max(1, bw * 0.8)}
                height={h}
              >
                <title>{`${d.label}: ${d.display ?? format(d.value)}`}</title>
              </rect>
              {i % every === 0 ? (
                <text className="axis" x={PAD.l + i * bw + bw / 2} y={H - 6} textAnchor="middle">
                  {d.label.length > 7 ? d.label.slice(5) : d.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </PlotFrame>
  );
}

/** Percentages over time (0–100 %), as a line with dots; gaps where there is no data. */
export function PercentLinePlot(p: {
  id: string;
  title: string;
  desc: string;
  tableLabel: string;
  columns: [string, string];
  data: (PlotDatum & { value: number })[];
  /** Text shown when there is no point at all. */
  empty?: string;
}) {
  const format = (v: number) => `${Math.round(v)}%`;
  if (p.empty !== undefined && p.data.length === 0) {
    return (
      <PlotFrame {...p} rows={[]}>
        <NoData text={p.empty} />
      </PlotFrame>
    );
  }
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const step = iw / Math.max(1, p.data.length);
  const pts = p.data.map((d, i) => ({
    x: PAD.l + i * step + step / 2,
    y: PAD.t + ih - (Math.max(0, Math.min(100, d.value)) / 100) * ih,
    d,
  }));
  const every = xLabelEvery(p.data.length);
  return (
    <PlotFrame
      {...p}
      rows={p.data.map((d) => ({ label: d.label, display: d.display ?? format(d.value) }))}
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`}>
        <title>{p.title}</title>
        <YAxis max={100} ticks={[0, 50, 100].map((value) => ({ value, label: format(value) }))} />
        {pts.length > 1 ? (
          <polyline className="line" points={pts.map((q) => `${q.x},${q.y}`).join(" ")} />
        ) : null}
        {pts.map((q, i) => (
          <g key={q.d.label}>
            <circle className="dot" cx={q.x} cy={q.y} r={3}>
              <title>{`${q.d.label}: ${q.d.display ?? format(q.d.value)}`}</title>
            </circle>
            {i % every === 0 ? (
              <text className="axis" x={q.x} y={H - 6} textAnchor="middle">
                {q.d.label.length > 7 ? q.d.label.slice(5) : q.d.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
    </PlotFrame>
  );
}

/** A year of days as a calendar heatmap: one column per week (Monday on top). */
export function CalendarHeatmap(p: {
  id: string;
  title: string;
  desc: string;
  tableLabel: string;
  columns: [string, string];
  days: { key: string; reviews: number }[];
}) {
  const cell = 11;
  const gap = 2;
  const first = p.days[0]?.key ?? "1970-01-01";
  const offset = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const weeks = Math.ceil((p.days.length + offset) / 7);
  const max = Math.max(1, ...p.days.map((d) => d.reviews));
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4)));
  const width = weeks * (cell + gap) + 24;
  const height = 7 * (cell + gap) + 16;
  return (
    <PlotFrame
      {...p}
      rows={p.days
        .filter((d) => d.reviews > 0)
        .map((d) => ({ label: d.key, display: String(d.reviews) }))}
    >
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${p.id}-title ${p.id}-desc`}
      >
        <title>{p.title}</title>
        {p.days.map((d, i) => {
          const idx = i + offset;
          const x = 24 + Math.floor(idx / 7) * (cell + gap);
          const y = (idx % 7) * (cell + gap);
          return (
            <rect
              key={d.key}
              className={`heat-${level(d.reviews)}`}
              x={x}
              y={y}
              width={cell}
              height={cell}
              rx={2}
            >
              <title>{`${d.key}: ${d.reviews}`}</title>
            </rect>
          );
        })}
        {p.days
          .filter((d) => d.key.endsWith("-01"))
          .map((d) => {
            const idx = p.days.indexOf(d) + offset;
            return (
              <text
                key={d.key}
                className="axis"
                x={24 + Math.floor(idx / 7) * (cell + gap)}
                y={height - 2}
              >
                {d.key.slice(5, 7)}
              </text>
            );
          })}
      </svg>
    </PlotFrame>
  );
}
