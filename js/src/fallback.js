// Without WebGL the explorer shows a message and the page's static figure instead of the 3D
// view; the contour map, the controls and the readout keep working.

/** A WebGL 2 context on `canvas` for three.js, or null when the browser cannot make one. */
export function webglContext(canvas) {
  // Multisampling costs a phone's GPU (and a CPU renderer) most; on a dense screen it shows least.
  const antialias = (window.devicePixelRatio || 1) < 1.5;
  try {
    return canvas.getContext("webgl2", { antialias, alpha: false, stencil: false });
  } catch {
    return null;
  }
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
