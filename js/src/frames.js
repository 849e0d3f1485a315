// The explorer's animation loop, one at most: a frame is requested only when something changed or
// a run plays, never while the tab is hidden, and a frame is not stacked on one the view (in its
// worker) is still drawing: the change waits for drawn(). Counts frames and live loops in the
// explorer's debug record (debug.js), which the browser tests and benchmarks read; `onFirst()`
// is called once, when the first frame has been drawn.
export function createFrames(debug, animate, onFirst = () => {}) {
  let frame = 0; // a pending animation frame
  let drawing = false; // a frame the view has been asked to draw and has not drawn yet
  let redraw = false; // something changed while it was drawing
  let started = false; // no frame before init has built everything
  let stopped = false;

  /** The loop is live while a frame is pending or being drawn. */
  const countLoops = () => (debug.loops = frame || drawing ? 1 : 0);

  function request() {
    if (frame || !started || stopped || document.hidden) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      animate();
      countLoops();
    });
    countLoops();
  }

  function cancel() {
    cancelAnimationFrame(frame);
    frame = 0;
    countLoops();
  }

  function countFrame() {
    debug.frames += 1;
    debug.lastFrame = performance.now();
    if (debug.firstFrame === null) {
      debug.firstFrame = debug.lastFrame;
      onFirst();
    }
  }

  return {
    request,
    cancel,
    countFrame,
    start() {
      started = true;
      request();
    },
    /** May the view draw now? If it is still drawing, the frame is drawn once it has. */
    beginDraw() {
      if (drawing) {
        redraw = true;
        return false;
      }
      drawing = true;
      return true;
    },
    /** The view drew (or will never draw: `failed`), multisampled or not (`antialias`). */
    drawn({ failed = false, antialias } = {}) {
      drawing = false;
      if (antialias !== undefined) debug.antialias = antialias;
      if (!failed) countFrame();
      if (redraw) {
        redraw = false;
        request();
      }
      countLoops();
    },
    stop() {
      stopped = true;
      cancel();
      drawing = false;
      countLoops();
    },
  };
}
