// Surface coordinates (x, y, f) and world coordinates (X, Y, Z) of the 3D view, with Z up and the
// domain fitted in [-1, 1]; and picking a point of the surface under the pointer. Pure (no three),
// shared by the page (picking) and the view worker (drawing).
export const HEIGHT = 0.9;
const LIFT = 0.006; // trails float just above the mesh so they are not hidden in it
export const FOV = 40; // the camera's vertical field of view, degrees, on a canvas 4:3 or wider
const WIDE = 4 / 3;

/**
 * The vertical field of view for a canvas of this aspect (width / height): below 4:3 it widens,
 * so a phone's square canvas shows as much across as the desktop's and no corner is cut off.
 */
export function verticalFov(aspect) {
  if (aspect >= WIDE) return FOV;
  return (360 / Math.PI) * Math.atan((Math.tan((FOV * Math.PI) / 360) * WIDE) / aspect);
}

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/** Map between surface and world coordinates for one surface and its height scale. */
export function worldMap(surface, height) {
  const [[x0, x1], [y0, y1]] = surface.bounds;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const half = Math.max(x1 - x0, y1 - y0) / 2;
  return {
    // NaN (a gap in the surface) sits at the floor.
    toWorld: (x, y, z = height(surface.f(x, y))) => [(x - cx) / half, (y - cy) / half, clamp(z || 0, 0, 1.1) * HEIGHT],
    /** A path point: clamped to the box so a diverging path runs along its edge. */
    pathPoint(x, y) {
      const [px, py] = [clamp(x, x0, x1), clamp(y, y0, y1)];
      const [wx, wy, wz] = this.toWorld(px, py);
      return [wx, wy, wz + LIFT];
    },
    toSurface: (wx, wy) => [cx + wx * half, cy + wy * half],
    corners: [(x0 - cx) / half, (x1 - cx) / half, (y0 - cy) / half, (y1 - cy) / half],
  };
}

const sub = (a, b) => a.map((v, i) => v - b[i]);
const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const unit = (a) => a.map((v) => v / Math.hypot(...a));

/**
 * The surface point under (u, v) in [-1, 1]^2 of the view (u right, v up), for a camera at
 * `eye` looking at `target` with Z up: the ray's first crossing of the drawn surface, or null.
 */
export function pickSurface(map, eye, target, aspect, u, v) {
  const forward = unit(sub(target, eye));
  const right = unit(cross(forward, [0, 0, 1]));
  const up = cross(right, forward);
  const t = Math.tan((verticalFov(aspect) * Math.PI) / 360);
  const dir = forward.map((f, i) => f + u * t * aspect * right[i] + v * t * up[i]);
  const [ax0, ax1, ay0, ay1] = map.corners;
  // Above (> 0) or below (< 0) the surface at distance s along the ray; null outside the domain.
  const side = (s) => {
    const [x, y, z] = eye.map((e, i) => e + s * dir[i]);
    if (x < ax0 || x > ax1 || y < ay0 || y > ay1) return null;
    return z - map.toWorld(...map.toSurface(x, y))[2];
  };
  const far = 2 * Math.hypot(...sub(target, eye)) + 4;
  const steps = 400;
  let [s0, h0] = [0, side(0)];
  for (let k = 1; k <= steps; k += 1) {
    let [s1, h1] = [(far * k) / steps, side((far * k) / steps)];
    if (h0 !== null && h1 !== null && Math.sign(h0) !== Math.sign(h1)) {
      for (let b = 0; b < 30; b += 1) {
        const mid = (s0 + s1) / 2;
        const hm = side(mid);
        if (Math.sign(hm) === Math.sign(h0)) [s0, h0] = [mid, hm];
        else [s1, h1] = [mid, hm];
      }
      const [x, y] = eye.map((e, i) => e + s0 * dir[i]);
      return map.toSurface(x, y);
    }
    [s0, h0] = [s1, h1];
  }
  return null;
}
