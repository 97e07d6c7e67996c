/**
 * Small dense linear algebra for the reduction estimates (ADR 0013): ordinary least squares through the
 * normal equations, solved by Cholesky. Designs here have tens of columns and thousands of rows, so X'X
 * is tiny and the cost is in forming it, which callers may do per block (a day) and re-sum for a bootstrap.
 */

/** X'X (p×p, row-major) and X'y (p) accumulated from rows. */
export interface Gram {
  p: number;
  xtx: Float64Array;
  xty: Float64Array;
  yty: number;
  n: number;
}

export function emptyGram(p: number): Gram {
  return { p, xtx: new Float64Array(p * p), xty: new Float64Array(p), yty: 0, n: 0 };
}

/** Adds one row (x, y) to a Gram; only the upper triangle is accumulated (mirrored in `solve`). */
export function addRow(g: Gram, x: Float64Array, y: number): void {
  const { p, xtx, xty } = g;
  for (let i = 0; i < p; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    xty[i]! += xi * y;
    const row = i * p;
    for (let j = i; j < p; j++) xtx[row + j]! += xi * x[j]!;
  }
  g.yty += y * y;
  g.n++;
}

/** `into += from × weight` (bootstrap: a block drawn `weight` times). */
export function addGram(into: Gram, from: Gram, weight = 1): void {
  const { p } = into;
  // Only the upper triangle is ever read.
  for (let i = 0; i < p; i++) {
    const row = i * p;
    for (let j = row + i; j < row + p; j++) into.xtx[j]! += from.xtx[j]! * weight;
    into.xty[i]! += from.xty[i]! * weight;
  }
  into.yty += from.yty * weight;
  into.n += from.n * weight;
}

/**
 * Cholesky factor L (lower, row-major) of the symmetric matrix whose upper triangle is `a`, with a tiny
 * ridge on the diagonal so that a column that is all zero in a bootstrap sample (an hour of day never
 * drawn) leaves its coefficient at zero instead of failing.
 */
function cholesky(a: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  let scale = 0;
  for (let i = 0; i < p; i++) scale = Math.max(scale, a[i * p + i]!);
  const ridge = Math.max(1e-12, scale * 1e-10);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = (j <= i ? a[j * p + i]! : a[i * p + j]!) + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      if (i === j) l[i * p + i] = Math.sqrt(Math.max(s, ridge));
      else l[i * p + j] = s / l[j * p + j]!;
    }
  }
  return l;
}

function cholSolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * z[k]!;
    z[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

export interface OlsFit {
  beta: Float64Array;
  /** Residual variance σ² = RSS / (n − p). */
  sigma2: number;
  /** Diagonal of (X'X)⁻¹ (coefficient variances are σ² times these). */
  inverseDiagonal: Float64Array;
  rss: number;
  n: number;
  p: number;
}

/** Least squares from a Gram: β = (X'X)⁻¹X'y. */
export function solve(g: Gram, withInverse = true): OlsFit {
  const { p } = g;
  const l = cholesky(g.xtx, p);
  const beta = cholSolve(l, p, g.xty);
  // RSS = y'y − 2β'X'y + β'X'Xβ = y'y − β'X'y at the solution.
  let bxy = 0;
  for (let i = 0; i < p; i++) bxy += beta[i]! * g.xty[i]!;
  const rss = Math.max(0, g.yty - bxy);
  const inverseDiagonal = new Float64Array(p);
  if (withInverse) {
    const e = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      e.fill(0);
      e[i] = 1;
      inverseDiagonal[i] = cholSolve(l, p, e)[i]!;
    }
  }
  return { beta, sigma2: g.n > p ? rss / (g.n - p) : Number.NaN, inverseDiagonal, rss, n: g.n, p };
}

/** Dot product of a coefficient vector with a row. */
export function predict(beta: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < beta.length; i++) s += beta[i]! * x[i]!;
  return s;
}

/**
 * Mean difference of `y` between rows with `post` true and false, by least squares on `y = a + δ·post`,
 * with a Newey–West (Bartlett kernel) standard error that allows for the autocorrelation of a daily
 * series. `y` must be in time order.
 */
export function stepWithHacSe(y: number[], post: boolean[], lag = Math.floor(4 * (y.length / 100) ** (2 / 9))): { estimate: number; se: number; n: number; lag: number } {
  const n = y.length;
  let n1 = 0;
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < n; i++) (post[i] ? ((s1 += y[i]!), n1++) : (s0 += y[i]!));
  const n0 = n - n1;
  const m0 = s0 / n0;
  const m1 = s1 / n1;
  const estimate = m1 - m0;
  // Regressors x = (1, post); (X'X)⁻¹ in closed form; meat Σ = Σ_l w_l Σ_t (x_t e_t)(x_{t−l} e_{t−l})'.
  const e = y.map((v, i) => v - (post[i] ? m1 : m0));
  const u0 = e;
  const u1 = e.map((v, i) => (post[i] ? v : 0));
  const meat = [0, 0, 0]; // s00, s01, s11
  for (let l = 0; l <= lag; l++) {
    const w = l === 0 ? 1 : 1 - l / (lag + 1);
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let t = l; t < n; t++) {
      a += u0[t]! * u0[t - l]!;
      b += u0[t]! * u1[t - l]!;
      c += u1[t]! * u0[t - l]!;
      d += u1[t]! * u1[t - l]!;
    }
    if (l === 0) (meat[0]! += a), (meat[1]! += b), (meat[2]! += d);
    else (meat[0]! += 2 * w * a), (meat[1]! += w * (b + c)), (meat[2]! += 2 * w * d);
  }
  // (X'X) = [[n, n1], [n1, n1]]; its inverse = 1/(n·n1 − n1²) · [[n1, −n1], [−n1, n]].
  const det = n * n1 - n1 * n1;
  const inv = [n1 / det, -n1 / det, n / det]; // i00, i01, i11
  // Var(δ) = [inv · meat · inv]_{11}
  const r0 = inv[1]! * meat[0]! + inv[2]! * meat[1]!;
  const r1 = inv[1]! * meat[1]! + inv[2]! * meat[2]!;
  const variance = r0 * inv[1]! + r1 * inv[2]!;
  // Small-sample correction n/(n−2), as regression software does.
  return { estimate, se: Math.sqrt(Math.max(0, variance) * (n / Math.max(1, n - 2))), n, lag };
}

/** Two-sided 97.5 % quantile of Student's t with `df` degrees of freedom (Cornish–Fisher, ample for df ≥ 3). */
export function t975(df: number): number {
  const z = 1.959963984540054;
  if (!Number.isFinite(df) || df > 1e6) return z;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** A seeded pseudo-random generator (mulberry32): bootstraps give the same interval for the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile (0–1) of sorted values, linear between order statistics (type 7). */
export function quantileSorted(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}

/** Median of unsorted values (copies). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
