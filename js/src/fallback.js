// Without WebGL the explorer shows a message and the page's static figure instead of the 3D
// view; the contour map, the controls and the readout keep working.

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

/** Swap the 3D view for a message and reveal the fallback figure next to `root`. */
export function showFallback(root, stage) {
  root.classList.add("gdx--no-webgl");
  const fallback = root.parentElement.querySelector(".gdx-fallback");
  if (fallback) fallback.hidden = false;
  const message = document.createElement("p");
  message.className = "gdx__no-webgl";
  message.textContent =
    "Your browser could not start WebGL, so the 3D view is off. The contour map, the controls and the readout below still work, and the figure shows a run on the bowl.";
  stage.prepend(message);
}
