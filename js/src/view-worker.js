// The view worker: three.js draws the 3D view here, on the OffscreenCanvas the page hands over,
// so building the scene, compiling its shaders and drawing never block the page (view.js).
import { createViewCore } from "./view-core.js";

let core = null;

self.onmessage = ({ data }) => {
  if (data.type === "init") {
    core = createViewCore(data.canvas, data);
    if (!core) self.postMessage({ type: "failed" });
    return;
  }
  const drawn = core?.handle(data);
  if (drawn) {
    // Say "drawn" once the frame has reached the screen, not merely been issued.
    const post = () => self.postMessage({ type: "drawn", ...drawn });
    if (self.requestAnimationFrame) self.requestAnimationFrame(post);
    else post();
  }
};
