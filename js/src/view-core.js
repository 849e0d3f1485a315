// The drawing half of the 3D view: turns the page's messages (surface, runs, camera, frame) into
// three.js calls on `canvas`. Runs in the view worker, or on the page where a browser has no
// OffscreenCanvas; view.js sends the messages.
import { SURFACES } from "./descent.js";
import { gridSurface, heightScale } from "./contours.js";
import { createScene } from "./scene.js";

/** A handler for view.js's messages, or null when `canvas` gives no WebGL 2 context. */
export function createViewCore(canvas, { pixelRatio, antialias }) {
  let context = null;
  try {
    context = canvas.getContext("webgl2", { antialias, alpha: false, stencil: false });
  } catch {
    context = null;
  }
  if (!context) return null;
  const view = createScene(canvas, context, pixelRatio);
  // What the context really got (a browser may refuse multisampling): tests read it.
  const multisampled = context.getContextAttributes()?.antialias;
  const paths = {}; // name -> [[x, y], ...], as the page's descents
  let palette = null;
  let size = "";

  /** Apply one message: false, or when it drew a frame {again, antialias}: `again` is true when
   * another frame should follow. */
  function handle(message) {
    if (message.type === "surface") {
      ({ palette } = message);
      const sample = { ...message.sample, height: heightScale(message.sample.values) };
      view.setSurface(SURFACES[message.name] ?? gridSurface(message.name, message.bounds, sample), sample, palette);
      for (const name of Object.keys(paths)) delete paths[name];
    } else if (message.type === "runs") {
      for (const name of Object.keys(paths)) if (!(name in message.runs)) delete paths[name];
      for (const [name, { from, points }] of Object.entries(message.runs)) {
        const path = (paths[name] ??= []);
        path.length = from;
        for (let k = 0; k < points.length; k += 2) path.push([points[k], points[k + 1]]);
      }
      view.setRuns(paths, palette);
    } else if (message.type === "compile") view.compile();
    else if (message.type === "frame") {
      const { width, height, position, target } = message;
      if (`${width}x${height}` !== size && width && height) {
        size = `${width}x${height}`;
        view.resize(width, height);
      }
      view.setCamera(position, target);
      return { again: view.render(), antialias: multisampled };
    } else if (message.type === "dispose") view.dispose();
    return false;
  }

  return { handle };
}
