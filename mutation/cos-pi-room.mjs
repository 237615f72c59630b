// The computation behind docs/mutation.md's argument that seven mutants of oracle/schedules/cos-pi.ts
// are equivalent (`node mutation/cos-pi-room.mjs`, about 18 s). cos-pi.ts encloses cos(π x) within
// B = T + Π + 1 units of 10^−S, where Π bounds the error of its fixed-point π and T that of its Taylor
// sum. The true error is at most T + r |P − π U| + 1 with r ≤ ¼ (step 3 of its proof), so B has the
// room Π − |P − π U|/4 beyond it, and a mutant that takes less than that away from B still encloses
// the value. For every scale S = p + 20 up to the ladder's top (p = 1 … 2560) this measures
// |P − π U| against the same Machin sum at S + 12 (whose own bound is then under 10^−9 of a unit) and
// prints the least ratio of room to what each mutant takes away; a ratio of at least 1 at every S is
// the proof. The arctan series are written again here as cos-pi.ts writes them (q_k = ⌊q_{k−1}/n²⌋,
// terms ⌊q_k/(2k + 1)⌋, stopping at the first zero term), since the point is to measure that sum.

/** arctan(1/n) U as cos-pi.ts sums it, with K + 1 (its error bound) for K terms summed. */
function arctanInverse(unit, n) {
  let q = unit / n;
  let sum = 0n;
  for (let k = 0n; ; k += 1n) {
    const term = q / (2n * k + 1n);
    if (term === 0n) return { value: sum, error: k + 1n };
    sum += k % 2n === 0n ? term : -term;
    q /= n * n;
  }
}

/** Machin's π U at scale S, its bound Π and the two series' bounds. */
function machin(scale) {
  const unit = 10n ** BigInt(scale);
  const a5 = arctanInverse(unit, 5n);
  const a239 = arctanInverse(unit, 239n);
  return {
    P: 16n * a5.value - 4n * a239.value,
    e5: a5.error,
    e239: a239.error,
    bound: 16n * a5.error + 4n * a239.error,
  };
}

/** The number of Taylor terms cos-pi.ts sums at Y = 0.8 U (the most any reduced argument takes). */
function taylorTerms(unit, sine) {
  const y = (unit * 8n) / 10n;
  const z2 = (y * y) / unit;
  let term = sine ? y : unit;
  for (let k = 1n; ; k += 1n) {
    const n = 2n * k + (sine ? 1n : 0n);
    term = (term * z2) / (unit * (n - 1n) * n);
    if (term === 0n) return k;
  }
}

const SHIFT = 10n ** 12n;
let least = { ratio: Infinity, what: '' };
for (let scale = 21; scale <= 2580; scale++) {
  const m = machin(scale);
  const reference = machin(scale + 12);
  const d = m.P * SHIFT - reference.P;
  const error = ((d < 0n ? -d : d) + reference.bound + SHIFT - 1n) / SHIFT; // ⌈|P − π U|⌉
  const room = m.bound - (error + 3n) / 4n;
  const kt = [false, true].map((sine) => taylorTerms(10n ** BigInt(scale), sine)).reduce((a, b) => (a > b ? a : b));
  const takes = {
    "arctan's k + 1 made k − 1 (both series)": 32n + 8n,
    "π's bound 16 E₅ made 16 / E₅": 16n * m.e5,
    "π's bound 4 E₂₃₉ made 4 / E₂₃₉": 4n * m.e239,
    "π's bound a difference": 8n * m.e239,
    "Taylor's 3K + 4 made 3K − 4": 8n,
    "Taylor's 3K + 4 made 3 / K + 4": 3n * kt,
    'the final + 1 made − 1': 2n,
  };
  for (const [what, t] of Object.entries(takes)) {
    const ratio = Number(room) / Number(t);
    if (ratio < least.ratio) least = { ratio, what: `${what}, at S = ${scale}: room ${room}, taken ${t}` };
  }
}
console.log(`least room over what a mutant takes away: ${least.ratio.toFixed(3)} (${least.what})`);
process.exit(least.ratio >= 1 ? 0 : 1);
