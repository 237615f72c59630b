/**
 * Test objectives with exact gradients, for rules that evaluate the gradient themselves (NAG's
 * look-ahead form). An objective is data, so that it crosses every boundary as the tensors do.
 *
 *   quadratic:   J(θ) = ½ Σ a_i θ_i²,                        ∂J/∂θ_i = a_i θ_i
 *   rosenbrock:  pairs (x, y) = (θ_2k, θ_2k+1),  J = Σ (a − x)² + b (y − x²)²,
 *                ∂J/∂x = −2 (a − x) − 4 b x (y − x²),  ∂J/∂y = 2 b (y − x²)
 *
 * @module
 */

/** An objective whose gradient an update rule may evaluate. */
export type Objective =
  | { readonly kind: 'quadratic'; readonly curvature: Float32Array }
  | { readonly kind: 'rosenbrock'; readonly a: string; readonly b: string };

/** How many consecutive elements the objective couples: 1 for the quadratic, 2 for Rosenbrock's pairs. */
export function groupSize(objective: Objective): 1 | 2 {
  return objective.kind === 'rosenbrock' ? 2 : 1;
}

/** An objective in words. */
export function objectiveText(objective: Objective): string {
  return objective.kind === 'quadratic'
    ? `½ Σ a_i θ_i² (a = [${Array.from(objective.curvature).join(', ')}])`
    : `Rosenbrock pairs (a = ${objective.a}, b = ${objective.b})`;
}
