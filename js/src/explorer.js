// The 3D explorer, in three.js-examples form: init() builds it, animate() draws a frame (and
// advances the runs while playing), onWindowResize() follows the layout. mount() returns a
// dispose() that stops the loop, removes every listener and frees the GPU objects.
import { Descent, SURFACES } from "./descent.js";
import { contourLines, sampleHeights, sampleSurface } from "./contours.js";
import { colorScheme, readPalette } from "./palette.js";
import { createReadout } from "./readout.js";
import { DEFAULTS, normalize, parseHash, toHash } from "./state.js";
import { autoplayWhenEngaged } from "./autoplay.js";
import { bindControls, bindViewKeys } from "./bindings.js";
import { showFallback, webglSupport } from "./fallback.js";
import { buildUi, showNotice, showPlaying, showSettings } from "./ui.js";
import { createInset } from "./inset.js";
import { registry } from "./debug.js";
import { createView } from "./view.js";

export function mount(root) {
  const abort = new AbortController();
  const on = (target, type, fn, options = {}) => target.addEventListener(type, fn, { ...options, signal: abort.signal });
  const ui = buildUi(root);
  const readout = createReadout(ui.readout);
  const inset = createInset(ui.inset);
  const debug = registry.add();
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  let state = { ...DEFAULTS };
  let runs = [];
  let sample = null;
  let palette = readPalette(root);
  let view = null; // the 3D view (view.js), or null without WebGL
  let playing = false;
  let frame = 0; // a pending animation frame
  let drawing = false; // a frame the view has been asked to draw and has not drawn yet
  let redraw = false; // something changed while it was drawing
  let touched = false; // the reader changed something: keep the URL hash in step from now on
  let started = false; // no frame is drawn before init has built everything
  let drawnSize = ""; // canvas and inset sizes the view was last laid out for
  // Grid points a side: fewer on a phone, where the mesh is small and the CPU slow.
  const grid = window.matchMedia("(max-width: 600px)").matches ? 64 : 96;

  // Build in steps, yielding to the browser between them, so no single task blocks input long:
  // a phone with a slow CPU gets each step as a task of its own, and one frame at the end.
  async function init() {
    const { state: fromHash, messages } = parseHash(window.location.hash);
    state = fromHash ?? { ...DEFAULTS };
    touched = Boolean(fromHash);
    showNotice(ui, messages);
    showSettings(ui, state);
    // Until the first runs exist (a few tasks from now) the controls do nothing.
    const ready = Object.fromEntries(
      Object.entries(actions).map(([name, fn]) => [name, (...args) => (runs.length ? fn(...args) : undefined)]),
    );
    bindControls({ ui, on, pick: (x, y) => view?.pick(x, y), insetPick: inset.pick, actions: ready });
    on(window, "hashchange", onHashChange);
    // Capture on window runs before Material's own link handling, which would refetch the page.
    on(window, "click", onStateLink, { capture: true });
    on(document, "visibilitychange", () => (document.hidden ? cancelFrame() : requestFrame()));
    const themeWatch = new MutationObserver(onThemeChange);
    themeWatch.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    abort.signal.addEventListener("abort", () => themeWatch.disconnect());
    const surface = SURFACES[state.surface];
    if (!(await nextTask())) return;
    // The view first: its worker loads three.js while this thread samples the surface.
    const where = webglSupport();
    view = where ? createView(ui.canvas, { inWorker: where === "worker", onDrawn, onFailed }) : null;
    if (!view) showFallback(root, ui.stage);
    else {
      on(view.controls, "change", requestFrame);
      bindViewKeys(on, ui.canvas, view.controls, requestFrame);
    }
    if (!(await nextTask())) return;
    sample = sampleHeights(surface, grid);
    if (!(await nextTask())) return;
    sample.contours = contourLines(sample);
    view?.setSurface(surface, sample, palette);
    if (!(await nextTask())) return;
    applyState({ keepStep: true, surfaceChanged: false });
    onWindowResize(); // sizes the view and draws the inset's contours
    if (view) {
      // Programs are made in a task of their own; the first frame's task then only draws.
      view.compile();
      if (!(await nextTask())) return;
    }
    const resizer = new ResizeObserver(onWindowResize);
    resizer.observe(ui.stage);
    abort.signal.addEventListener("abort", () => resizer.disconnect());
    started = true;
    requestFrame();
    debug.ready = true;
    if (!reducedMotion && state.step === 0) autoplayWhenEngaged(ui.stage, abort.signal, () => !touched && setPlaying(true));
  }

  /** Resolve in a new task (true), or false when the explorer was disposed meanwhile. */
  const nextTask = () => new Promise((resolve) => setTimeout(() => resolve(!abort.signal.aborted), 0));

  /** Rebuild the runs (and the surface if it changed) from `state`. */
  function applyState({ keepStep = false, surfaceChanged = true } = {}) {
    const surface = SURFACES[state.surface];
    if (surfaceChanged) {
      sample = sampleSurface(surface, grid);
      view?.setSurface(surface, sample, palette);
      inset.setSurface(surface, sample, palette);
    }
    runs = state.optimizers.map((name) => ({
      name,
      descent: new Descent(surface, [state.x, state.y], { optimizer: name, lr: state.lr, maxIter: state.maxIter }),
    }));
    if (keepStep) for (const { descent } of runs) descent.run(state.step);
    else state.step = 0;
    showSettings(ui, state);
    setPlaying(false);
    refresh();
  }

  const finished = () => runs.every((r) => r.descent.done);

  function setPlaying(next) {
    playing = next && !finished();
    showPlaying(ui, playing, finished());
    if (playing) requestFrame();
    else writeHash();
  }

  function writeHash() {
    if (!touched) return;
    state.step = runs[0]?.descent.iterations ?? 0;
    const hash = toHash(state);
    if (window.location.hash !== hash) history.replaceState(history.state, "", hash);
  }

  function refresh() {
    view?.setRuns(runs, palette);
    readout.update(runs);
    requestFrame();
  }

  function requestFrame() {
    if (frame || !started || document.hidden || abort.signal.aborted) return;
    frame = requestAnimationFrame(animate);
    countLoops();
  }

  function cancelFrame() {
    cancelAnimationFrame(frame);
    frame = 0;
    countLoops();
  }

  /** The explorer's loop is live while a frame is pending or being drawn (one loop at most). */
  const countLoops = () => (debug.loops = frame || drawing ? 1 : 0);

  function countFrame() {
    debug.frames += 1;
    if (debug.firstFrame === null) debug.firstFrame = performance.now();
  }

  function onDrawn() {
    drawing = false;
    countFrame();
    if (redraw) {
      redraw = false;
      requestFrame();
    }
    countLoops();
  }

  function onFailed() {
    view?.dispose();
    view = null;
    drawing = false;
    showFallback(root, ui.stage);
    countLoops();
  }

  function animate() {
    frame = 0;
    if (playing) {
      for (const { descent } of runs) descent.run(state.speed);
      view?.setRuns(runs, palette);
      readout.update(runs);
      if (finished()) setPlaying(false);
    }
    if (!view) countFrame();
    else if (drawing) redraw = true;
    else {
      drawing = true;
      view.render();
    }
    inset.draw(runs, palette, view ? view.viewAzimuth() : Math.PI / 2);
    if (playing) requestFrame();
    countLoops();
  }

  function onWindowResize() {
    const { clientWidth: width, clientHeight: height } = ui.canvas;
    const size = `${width}x${height}x${ui.inset.clientWidth}x${window.devicePixelRatio}`;
    if (size === drawnSize) return; // the observer's first call, or a change that moved nothing
    drawnSize = size;
    if (width && height) view?.resize(width, height);
    if (runs.length) inset.setSurface(SURFACES[state.surface], sample, palette);
    requestFrame();
  }

  function onThemeChange() {
    palette = readPalette(root);
    debug.scheme = colorScheme();
    if (runs.length) applyState({ keepStep: true });
  }

  // A link on this page to a settings hash ("Try 1.5") is applied here, in place.
  function onStateLink(event) {
    const link = event.target.closest?.("a[href]");
    const here = link && link.origin === location.origin && link.pathname === location.pathname;
    if (!here || !runs.length || !parseHash(link.hash).state) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    history.replaceState(history.state, "", link.hash);
    touched = true;
    onHashChange();
    ui.stage.scrollIntoView({ block: "nearest" });
  }

  function onHashChange() {
    const { state: fromHash, messages } = parseHash(window.location.hash);
    if (!fromHash || !runs.length) return;
    showNotice(ui, messages);
    const surfaceChanged = fromHash.surface !== state.surface;
    state = fromHash;
    applyState({ keepStep: true, surfaceChanged });
  }

  // What the controls may do; each validates input and says what it refused or clamped.
  const actions = {
    togglePlay() {
      touched = true;
      if (finished()) {
        applyState();
        setPlaying(true);
      } else setPlaying(!playing);
    },
    step() {
      touched = true;
      setPlaying(false);
      for (const { descent } of runs) descent.advance();
      refresh();
      writeHash();
      showPlaying(ui, false, finished());
    },
    reset() {
      touched = true;
      applyState();
    },
    change(update) {
      touched = true;
      const input = update.optimizers ? { ...update, optimizers: update.optimizers.join(",") } : update;
      const { state: next, messages } = normalize(input, state);
      showNotice(ui, messages);
      const surfaceChanged = next.surface !== state.surface;
      state = next;
      applyState({ surfaceChanged });
    },
    setStart(point) {
      if (!point) return;
      const round = (v) => Number(v.toFixed(2));
      actions.change({ x: String(round(point[0])), y: String(round(point[1])) });
    },
    /** Copy a link to this exact run (Material rewrites the address bar as the page scrolls). */
    copyLink() {
      state.step = runs[0].descent.iterations;
      const url = `${location.origin}${location.pathname}${toHash(state)}`;
      const done = () => showNotice(ui, ["Link to this run copied."]);
      const manual = () => showNotice(ui, [`Copy this link to share the run: ${url}`]);
      if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, manual);
      else manual();
    },
    setSpeed(text) {
      const { state: next, messages } = normalize({ speed: text }, state);
      showNotice(ui, messages);
      state.speed = next.speed;
      writeHash();
    },
  };

  init();
  debug.instance = {
    runs: () => runs.map(({ name, descent: d }) => ({ name, done: d.done, status: d.status, iterations: d.iterations })),
    state: () => ({ ...state }),
    camera: () => view && [...view.controls.position],
    target: () => view && [...view.controls.target],
  };

  return {
    dispose() {
      cancelFrame();
      abort.abort();
      drawing = false;
      countLoops();
      view?.dispose();
      registry.remove(debug);
    },
  };
}
