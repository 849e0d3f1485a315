// The 3D view's worker, started by main.js as soon as a page has an explorer, before the
// explorer's chunk has loaded: the worker downloads and compiles three.js and makes its WebGL
// context on the page's canvas (in the HTML from the build) while the page loads the rest, builds
// the controls and samples the surface. view.js adopts it. Small: main.js is on every page.

/** Pixel ratio and antialiasing of the view: multisampling costs a phone's GPU (and a CPU
 * renderer) most, and on a dense screen it shows least. */
function viewOptions() {
  const pixelRatio = window.devicePixelRatio || 1;
  return { pixelRatio, antialias: pixelRatio < 1.5 };
}

/**
 * Where this browser can draw the 3D view: "worker" when an OffscreenCanvas (which a worker can
 * draw on) makes a WebGL 2 context, "page" when only a page canvas does, or null without WebGL 2.
 * Each check makes a context on a throwaway canvas and frees it.
 */
export function webglSupport() {
  const works = (canvas) => {
    try {
      const gl = canvas.getContext("webgl2");
      gl?.getExtension("WEBGL_lose_context")?.loseContext();
      return Boolean(gl);
    } catch {
      return false;
    }
  };
  const offscreen = typeof OffscreenCanvas === "function" && typeof Worker === "function";
  if (offscreen && HTMLCanvasElement.prototype.transferControlToOffscreen && works(new OffscreenCanvas(1, 1))) {
    return "worker";
  }
  return works(document.createElement("canvas")) ? "page" : null;
}

/**
 * Start the view for the explorer in `root`: {where, options} (where: "worker", "page" or null,
 * as webglSupport), and with "worker" the running `worker`, which has the canvas already, and
 * the `events` it sent before view.js listened (replayed there).
 */
export function startViewEarly(root) {
  // The worker first: it fetches three.js while this thread checks WebGL (a context of its own).
  const canvas = root.querySelector(".gdx__canvas");
  const maybe = canvas?.transferControlToOffscreen && typeof OffscreenCanvas === "function" && typeof Worker === "function";
  const worker = maybe ? new Worker(new URL("./view-worker.js", import.meta.url), { type: "module" }) : null;
  const [where, options] = [webglSupport(), viewOptions()];
  if (where !== "worker" || !worker) {
    worker?.terminate();
    return { where, options };
  }
  const events = [];
  worker.onmessage = worker.onerror = (event) => events.push(event);
  const offscreen = canvas.transferControlToOffscreen();
  worker.postMessage({ type: "init", canvas: offscreen, ...options }, [offscreen]);
  return { where, options, worker, events };
}
