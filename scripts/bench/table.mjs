// Plain-text tables and number formats for the benchmark report.

/** Display width: CJK characters take two columns in a terminal. */
const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s, w, right) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

/** Rows of cells → aligned lines; the first row is the header. Numeric-looking cells align right. */
export function table(rows, indent = '  ') {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '—' : String(c))));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const numeric = (s) => /^[-+]?[\d,.]+(\s?[a-zµ%×/]+)?$/i.test(s) || s === '—';
  return cells
    .map((r, ri) => indent + r.map((c, i) => pad(c, widths[i], ri > 0 && i > 0 && numeric(c))).join('   ').trimEnd())
    .join('\n');
}

export const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
export const fixed = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
export const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(0)} MB` : '—');
export const secs = (s) => (Number.isFinite(s) ? `${s.toFixed(1)} s` : '—');
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN);
export const times = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');
export const pct = (r) => (Number.isFinite(r) ? `${(r * 100).toFixed(0)}%` : '—');
export const ns = (n) => (Number.isFinite(n) ? (n >= 10_000 ? `${(n / 1000).toFixed(1)} µs` : `${n.toFixed(0)} ns`) : '—');
