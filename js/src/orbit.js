// A small orbit controller for the 3D view, in place of three's OrbitControls (a fifth of its
// size, and no three.js: it runs on the page while the view draws in a worker): drag to rotate
// around the target, wheel or pinch to zoom, and rotate()/zoom() for the keys. The camera orbits
// the Z (up) axis; `position` and `target` are [x, y, z]; it fires "change" whenever it moved.
// Kept hand-written because it was measured: with it (and the shader trimming of hooks/assets.py)
// the explorer's JavaScript went from 150.5 to 128.4 KiB gzip (commit 0639cf9).
const EPS = 1e-6;

export class Orbit extends EventTarget {
  /** Orbit from `position` around `target`, driven by pointers on `element`. */
  constructor(element, position, target, { minDistance = 1, maxDistance = 8 } = {}) {
    super();
    Object.assign(this, { element, target, minDistance, maxDistance });
    const [x, y, z] = position.map((v, i) => v - target[i]);
    this.radius = Math.hypot(x, y, z);
    this.theta = Math.atan2(y, x); // azimuth around Z
    this.phi = Math.acos(Math.min(1, Math.max(-1, z / this.radius))); // angle from +Z
    this.pointers = new Map(); // pointerId -> [x, y]
    this.abort = new AbortController();
    const on = (type, fn, options = {}) => element.addEventListener(type, fn, { ...options, signal: this.abort.signal });
    on("pointerdown", (e) => this.down(e));
    on("pointermove", (e) => this.move(e));
    for (const type of ["pointerup", "pointercancel"]) on(type, (e) => this.pointers.delete(e.pointerId));
    on("wheel", (e) => this.wheel(e), { passive: false });
    on("contextmenu", (e) => e.preventDefault());
    this.update();
  }

  /** Rotate by `left` radians around the up axis and `up` radians towards the top. */
  rotate(left, up) {
    this.theta -= left;
    this.phi = Math.min(Math.PI - EPS, Math.max(EPS, this.phi - up));
    this.update();
  }

  /** Multiply the distance to the target by `factor` (below 1 moves closer), within the limits. */
  zoom(factor) {
    this.radius = Math.min(this.maxDistance, Math.max(this.minDistance, this.radius * factor));
    this.update();
  }

  update() {
    const { radius: r, theta, phi, target } = this;
    const offset = [Math.sin(phi) * Math.cos(theta), Math.sin(phi) * Math.sin(theta), Math.cos(phi)];
    this.position = offset.map((v, i) => target[i] + r * v);
    this.dispatchEvent(new Event("change"));
  }

  down(event) {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    this.element.setPointerCapture?.(event.pointerId);
    this.pointers.set(event.pointerId, [event.clientX, event.clientY]);
  }

  move(event) {
    const last = this.pointers.get(event.pointerId);
    if (!last) return;
    const now = [event.clientX, event.clientY];
    if (this.pointers.size === 1) {
      // As OrbitControls: a drag across the view's height turns it a full circle.
      const turn = (2 * Math.PI) / (this.element.clientHeight || 1);
      this.rotate(turn * (now[0] - last[0]), turn * (now[1] - last[1]));
    } else {
      const other = [...this.pointers].find(([id]) => id !== event.pointerId)[1];
      const before = Math.hypot(last[0] - other[0], last[1] - other[1]);
      const after = Math.hypot(now[0] - other[0], now[1] - other[1]);
      if (before > 0 && after > 0) this.zoom(before / after); // fingers apart: closer
    }
    this.pointers.set(event.pointerId, now);
  }

  wheel(event) {
    event.preventDefault();
    const scale = 0.95 ** Math.abs(event.deltaY * 0.01); // OrbitControls' wheel speed
    if (event.deltaY) this.zoom(event.deltaY < 0 ? scale : 1 / scale);
  }

  dispose() {
    this.abort.abort();
    this.pointers.clear();
  }
}
