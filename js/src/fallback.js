// Without WebGL the explorer shows a message and the page's static figure instead of the 3D
// view; the contour map, the controls and the readout keep working (view-start.js checks).

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
