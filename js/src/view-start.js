// The 3D view's worker, started by main.js as soon as a page has an explorer, before the
// explorer's chunk has loaded: the worker downloads and compiles three.js and makes its WebGL
// context on the page's canvas (in the HTML from the build) while the page loads the rest, builds
// the controls and samples the surface. view.js adopts it. Small: main.js is on every page.

/**
 * Pixel ratio and antialiasing of the view. Multisampling costs a phone's GPU and a CPU
 * rasterizer most, and on a dense screen it shows least: it is on only for a GPU drawing at a
 * pixel ratio under 1.5. `renderer` is WebGL's renderer string ("" when unknown).
 */
export function viewOptions(pixelRatio, renderer = "") {
  const ratio = pixelRatio || 1;
  return { pixelRatio: ratio, antialias: ratio < 1.5 && !isSoftwareRenderer(renderer) };
}

/** Whether WebGL's renderer string names a CPU rasterizer (SwiftShader, Mesa's llvmpipe or
 * softpipe, Windows' Basic Render Driver), where a multisampled frame costs the most. */
export function isSoftwareRenderer(renderer) {
  return /swiftshader|llvmpipe|softpipe|basic render driver/i.test(String(renderer));
}

/** The context's renderer string. Firefox gives the real one as RENDERER; Chromium and Safari
 * mask it ("WebKit WebGL") and give it through WEBGL_debug_renderer_info, which Firefox has
 * deprecated (asking for it there logs a warning), so the extension is asked for only then. */
function rendererName(gl) {
  const renderer = String(gl.getParameter(gl.RENDERER) ?? "");
  if (renderer !== "WebKit WebGL") return renderer;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL) ?? "") : renderer;
}

/**
 * Where this browser can draw the 3D view, and on what: {where, renderer}. `where` is "worker"
 * when an OffscreenCanvas (which a worker can draw on) makes a WebGL 2 context, "page" when only
 * a page canvas does, or null without WebGL 2; `renderer` is that context's renderer string.
 * Each check makes a context on a throwaway canvas and frees it.
 */
export function webglSupport() {
  const rendererOf = (canvas) => {
    let gl = null;
    try {
      gl = canvas.getContext("webgl2");
    } catch {
      return null;
    }
    if (!gl) return null;
    try {
      return rendererName(gl);
    } catch {
      return "";
    } finally {
      gl.getExtension("WEBGL_lose_context")?.loseContext();
    }
  };
  const offscreen = typeof OffscreenCanvas === "function" && typeof Worker === "function";
  if (offscreen && HTMLCanvasElement.prototype.transferControlToOffscreen) {
    const renderer = rendererOf(new OffscreenCanvas(1, 1));
    if (renderer !== null) return { where: "worker", renderer };
  }
  const renderer = rendererOf(document.createElement("canvas"));
  return renderer === null ? { where: null, renderer: "" } : { where: "page", renderer };
}

/**
 * Start the view for the explorer in `root`: {where, renderer, options} (as webglSupport and
 * viewOptions), and with "worker" the running `worker`, which has the canvas already, and
 * the `events` it sent before view.js listened (replayed there).
 */
export function startViewEarly(root) {
  // The worker first: it fetches three.js while this thread checks WebGL (a context of its own).
  const canvas = root.querySelector(".gdx__canvas");
  const maybe = canvas?.transferControlToOffscreen && typeof OffscreenCanvas === "function" && typeof Worker === "function";
  const worker = maybe ? new Worker(new URL("./view-worker.js", import.meta.url), { type: "module" }) : null;
  const { where, renderer } = webglSupport();
  const options = viewOptions(window.devicePixelRatio, renderer);
  if (where !== "worker" || !worker) {
    worker?.terminate();
    return { where, renderer, options };
  }
  const events = [];
  worker.onmessage = worker.onerror = (event) => events.push(event);
  const offscreen = canvas.transferControlToOffscreen();
  worker.postMessage({ type: "init", canvas: offscreen, ...options }, [offscreen]);
  return { where, renderer, options, worker, events };
}
