// The 3D explorer, in three.js-examples form: init() builds it, animate() draws a frame (and
// advances the runs while playing), onWindowResize() follows the layout. mount() returns a
// dispose() that stops the loop, removes every listener and frees the GPU objects.
import { Descent, SURFACES } from "./descent.js";
import { sampleSurface } from "./contours.js";
import { colorScheme, readPalette } from "./palette.js";
import { createReadout } from "./readout.js";
import { DEFAULTS, normalize, parseHash, toHash } from "./state.js";
import { bindControls } from "./bindings.js";
import { buildUi, showNotice, showPlaying, showSettings } from "./ui.js";
import { createInset } from "./inset.js";
import { registry } from "./debug.js";
import { createScene } from "./scene.js";

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
  let view = null; // the three.js scene, or null without WebGL
  let playing = false;
  let frame = 0;
  let touched = false; // the reader changed something: keep the URL hash in step from now on

  // Build in steps, yielding to the browser between them, so no single task blocks input long.
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
    sample = sampleSurface(surface);
    if (!(await nextTask())) return;
    view = webglAvailable() ? createScene(ui.canvas) : null;
    if (!view) showFallback();
    else {
      on(view.controls, "change", requestFrame);
      on(ui.canvas, "keydown", onCanvasKey);
      if (!(await nextTask())) return;
      view.setSurface(surface, sample, palette);
      onWindowResize();
      if (!(await nextTask())) return;
      view.compile();
    }
    if (!(await nextTask())) return;
    const resizer = new ResizeObserver(onWindowResize);
    resizer.observe(ui.stage);
    abort.signal.addEventListener("abort", () => resizer.disconnect());
    inset.setSurface(surface, sample, palette);
    applyState({ keepStep: true, surfaceChanged: false });
    debug.ready = true;
    if (!reducedMotion && state.step === 0) autoplayWhenVisible();
  }

  /** Resolve in a new task (true), or false when the explorer was disposed meanwhile. */
  const nextTask = () => new Promise((resolve) => setTimeout(() => resolve(!abort.signal.aborted), 0));

  function webglAvailable() {
    try {
      const probe = document.createElement("canvas").getContext("webgl2");
      probe?.getExtension("WEBGL_lose_context")?.loseContext();
      return Boolean(probe);
    } catch {
      return false;
    }
  }

  function showFallback() {
    root.classList.add("gdx--no-webgl");
    const fallback = root.parentElement.querySelector(".gdx-fallback");
    if (fallback) fallback.hidden = false;
    const message = document.createElement("p");
    message.className = "gdx__no-webgl";
    message.textContent =
      "Your browser could not start WebGL, so the 3D view is off. The contour map, the controls and the readout below still work, and the figure shows a run on the bowl.";
    ui.stage.prepend(message);
  }

  /** Rebuild the runs (and the surface if it changed) from `state`. */
  function applyState({ keepStep = false, surfaceChanged = true } = {}) {
    const surface = SURFACES[state.surface];
    if (surfaceChanged) {
      sample = sampleSurface(surface);
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
    if (frame || document.hidden || abort.signal.aborted) return;
    frame = requestAnimationFrame(animate);
    debug.loops += 1;
  }

  function cancelFrame() {
    if (!frame) return;
    cancelAnimationFrame(frame);
    frame = 0;
    debug.loops -= 1;
  }

  function animate() {
    frame = 0;
    debug.loops -= 1;
    if (playing) {
      for (const { descent } of runs) descent.run(state.speed);
      view?.setRuns(runs, palette);
      readout.update(runs);
      if (finished()) setPlaying(false);
    }
    view?.render();
    inset.draw(runs, palette, view ? view.viewAzimuth() : Math.PI / 2);
    debug.frames += 1;
    if (debug.firstFrame === null) debug.firstFrame = performance.now();
    if (playing) requestFrame();
  }

  function onWindowResize() {
    const { clientWidth: width, clientHeight: height } = ui.canvas;
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

  const KEYS = { ArrowLeft: [0.1, 0], ArrowRight: [-0.1, 0], ArrowUp: [0, 0.08], ArrowDown: [0, -0.08] };

  function onCanvasKey(event) {
    const { controls } = view;
    if (KEYS[event.key]) {
      controls.rotateLeft(KEYS[event.key][0]);
      controls.rotateUp(KEYS[event.key][1]);
    } else if (event.key === "+" || event.key === "=") controls.dollyIn(1.15);
    else if (event.key === "-") controls.dollyOut(1.15);
    else return;
    event.preventDefault();
    requestFrame();
  }

  // Autoplay once the reader engages with the page (scrolls, taps, clicks or types) and the view
  // is on screen: a page merely loaded, by a reader or an audit, does no animation work.
  function autoplayWhenVisible() {
    let visible = false;
    let engaged = false;
    const start = () => {
      if (!visible || !engaged || abort.signal.aborted) return;
      cleanup();
      setTimeout(() => !abort.signal.aborted && !touched && setPlaying(true), 400);
    };
    const watcher = new IntersectionObserver(([entry]) => ((visible = entry.isIntersecting), start()), { threshold: 0.5 });
    const engage = () => ((engaged = true), start());
    const inputs = ["scroll", "wheel", "pointerdown", "keydown", "touchstart"];
    const cleanup = () => {
      watcher.disconnect();
      for (const type of inputs) window.removeEventListener(type, engage, true);
    };
    watcher.observe(ui.stage);
    for (const type of inputs) window.addEventListener(type, engage, { capture: true, passive: true });
    abort.signal.addEventListener("abort", cleanup);
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
    camera: () => view?.camera.position.toArray(),
    target: () => view?.controls.target.toArray(),
  };

  return {
    dispose() {
      cancelFrame();
      abort.abort();
      view?.dispose();
      registry.remove(debug);
    },
  };
}
