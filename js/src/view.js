// The page's half of the 3D view: the orbit controller, picking, and messages to the drawing half
// (view-core.js), which runs in a worker on an OffscreenCanvas (`early.worker`), or on the page where
// a browser's OffscreenCanvas cannot do WebGL (view-start.js checks). `onDrawn()` is called once per
// frame drawn, with {again} (draw another); `onFailed()` if WebGL would not start. main.js starts the worker (view-start.js).
import { bindViewKeys } from "./bindings.js";
import { showFallback } from "./fallback.js";
import { Orbit } from "./orbit.js";
import { pickSurface, worldMap } from "./world.js";

/**
 * The view where WebGL works (wired to the frames and the keys), else the fallback and null;
 * `early` is what main.js started (view-start.js): where WebGL works, and the worker if any.
 */
export function startView({ root, ui, on, frames, onFailed, early }) {
  // A frame that leaves more to show (the axes' labels, scene.js) asks for the next one.
  const onDrawn = ({ again, antialias }) => (frames.drawn({ antialias }), again && frames.request());
  const view = early.where ? createView(ui.canvas, { early, onDrawn, onFailed }) : null;
  if (!view) showFallback(root, ui.stage);
  else {
    on(view.controls, "change", frames.request);
    bindViewKeys(on, ui.canvas, view.controls, frames.request);
  }
  return view;
}

export function createView(canvas, { early, onDrawn, onFailed }) {
  const controls = new Orbit(canvas, [2.3, -3.1, 2.4], [0, 0, 0.3], { minDistance: 1, maxDistance: 8 });
  let post;
  let stop = () => {};
  if (early.worker) {
    const { worker } = early; // started with the canvas already (view-start.js)
    worker.onmessage = ({ data }) => (data.type === "drawn" ? onDrawn(data) : onFailed());
    worker.onerror = onFailed; // the worker would not load: the browser logs why
    for (const event of early.events.splice(0)) (event.type === "message" ? worker.onmessage : onFailed)(event);
    post = (message) => worker.postMessage(message);
    stop = () => worker.terminate();
  } else {
    let core;
    const queue = [];
    const handle = (message) => {
      const drawn = core?.handle(message);
      if (drawn) queueMicrotask(() => onDrawn(drawn));
    };
    import("./view-core.js").then(({ createViewCore }) => {
      core = createViewCore(canvas, early.options);
      if (!core) onFailed();
      else for (const message of queue.splice(0)) handle(message);
    });
    post = (message) => (core === undefined ? queue.push(message) : handle(message));
  }

  let map = null;
  let size = [0, 0];
  let sent = {}; // name -> points of that path the drawing half has

  function setSurface(surface, sample, palette) {
    map = worldMap(surface, sample.height);
    const { n, xs, ys, values, heights, contours } = sample;
    post({ type: "surface", name: surface.name, bounds: surface.bounds, sample: { n, xs, ys, values, heights, contours }, palette });
    sent = {};
  }

  /** Show these runs ([{name, descent}]): only the points the drawing half does not have yet. */
  function setRuns(runs) {
    const message = {};
    for (const { name, descent } of runs) {
      const { positions } = descent;
      const from = positions.length < (sent[name] ?? 0) ? 0 : (sent[name] ?? 0);
      message[name] = { from, points: positions.slice(from).flat() };
      sent[name] = positions.length;
    }
    sent = Object.fromEntries(runs.map(({ name }) => [name, sent[name]]));
    post({ type: "runs", runs: message });
  }

  function pick(clientX, clientY) {
    const rect = canvas.getBoundingClientRect();
    const u = ((clientX - rect.left) / rect.width) * 2 - 1;
    const v = 1 - ((clientY - rect.top) / rect.height) * 2;
    return map && pickSurface(map, controls.position, controls.target, rect.width / rect.height, u, v);
  }

  return {
    controls,
    setSurface,
    setRuns,
    pick,
    resize: (width, height) => (size = [width, height]),
    /** The direction the camera looks along, as an angle in the surface's x-y plane. */
    viewAzimuth: () => Math.atan2(controls.target[1] - controls.position[1], controls.target[0] - controls.position[0]),
    compile: () => post({ type: "compile" }),
    render: () => post({ type: "frame", width: size[0], height: size[1], position: controls.position, target: controls.target }),
    dispose() {
      controls.dispose();
      post({ type: "dispose" });
      stop();
    },
  };
}
