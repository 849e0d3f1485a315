// The 3D explorer in three.js-examples form: init() builds it, animate() draws a frame (advancing
// the runs while they play), onWindowResize() follows the layout, and mount()'s dispose() frees
// everything; main.js mounts it from document$.subscribe and disposes it when the page changes.
// Its concerns live in playback.js, url-sync.js, palette.js, frames.js, actions.js and view.js.
import { createSurfaces } from "./surface-source.js";
import { readPalette, watchPalette } from "./palette.js";
import { Playback } from "./playback.js";
import { createReadout } from "./readout.js";
import { DEFAULTS } from "./state.js";
import { createActions } from "./actions.js";
import { createUrlSync, readLocation } from "./url-sync.js";
import { autoplayWhenEngaged } from "./autoplay.js";
import { bindControls } from "./bindings.js";
import { showFallback } from "./fallback.js";
import { createFrames } from "./frames.js";
import { buildUi, showLive, showNotice, showPlaying, showSettings } from "./ui.js";
import { createInset } from "./inset.js";
import { registry } from "./debug.js";
import { startView } from "./view.js";

/** Mount the explorer on the page's markup in `root`; `early`: the view main.js started. */
export function mount(root, early) {
  const abort = new AbortController();
  const on = (target, type, fn, options = {}) => target.addEventListener(type, fn, { ...options, signal: abort.signal });
  const ui = buildUi(root);
  const readout = createReadout(ui.readout, abort.signal);
  const inset = createInset(ui.inset);
  const debug = registry.add(early);
  // The first frame takes the poster's place (the same box), and the words follow.
  const frames = createFrames(debug, animate, () => (showLive(root), describe()));
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  // Grid points a side: fewer on a phone, where the mesh is small and the CPU slow.
  const grid = window.matchMedia("(max-width: 600px)").matches ? 64 : 96;
  let settings; // what the controls show: the state of url-state.js without its step
  let playback = null; // the runs (playback.js), once init() has built them
  let url = null; // the address bar (url-sync.js), once there are runs to name
  let palette = readPalette(root);
  let view = null; // the 3D view (view.js), or null without WebGL
  let readerActed = false; // the reader has set up a run: nothing autoplays over it
  let drawnSize = ""; // canvas and inset sizes the view was last laid out for
  let shown = null; // {surface, sample} drawn now; null before the first (a link's bad f)
  let pending = 0; // settings asked for last: an older one still loading is dropped
  const surfaces = createSurfaces(grid, { container: ui.custom, on, settings: () => settings, change: (u) => actions.change(u) });

  // Build in steps, yielding to the browser between them, so no single task blocks input long:
  // a phone with a slow CPU gets each step as a task of its own, and one frame at the end.
  async function init() {
    const { state: opened, messages } = readLocation();
    const { step = 0, ...rest } = opened ?? DEFAULTS;
    settings = rest;
    readerActed = Boolean(opened);
    if (opened) readout.stale(); // the page's summary and table are the default run's
    showNotice(ui, messages);
    showSettings(ui, settings);
    bindControls({ ui, on, pick: (x, y) => view?.pick(x, y), insetPick: inset.pick, actions });
    on(document, "visibilitychange", () => (document.hidden ? frames.cancel() : frames.request()));
    watchPalette(root, abort.signal, onPaletteChange);
    if (!(await nextTask())) return;
    // The view first: its worker loads three.js while this thread samples the surface.
    view = startView({ root, ui, on, frames, onFailed, early });
    if (!(await nextTask())) return;
    const ready = await surfaces.first(settings, nextTask);
    if (!ready || !(await nextTask())) return;
    onWindowResize(); // sizes the view; the inset takes its size as the surface is drawn
    if (!ready.error) showSurface(ready); // a task of its own: the inset's contours, the view's mesh
    if (!(await nextTask())) return;
    url = createUrlSync({ on, onNavigate });
    apply(settings, step, ready, { write: messages.length > 0 }); // rewrite a link's refused values
    if (view) {
      // Programs are made in a task of their own; the first frame's task then only draws.
      view.compile();
      if (!(await nextTask())) return;
    }
    const resizer = new ResizeObserver(onWindowResize);
    resizer.observe(ui.stage);
    abort.signal.addEventListener("abort", () => resizer.disconnect());
    frames.start();
    debug.ready = true;
    if (!reducedMotion && step === 0) autoplayWhenEngaged(ui.stage, abort.signal, () => !readerActed && actions.togglePlay());
  }

  /** Resolve in a new task (true), or false when the explorer was disposed meanwhile. */
  const nextTask = () => new Promise((resolve) => setTimeout(() => resolve(!abort.signal.aborted), 0));

  /** The run on screen, as the address bar names it: the settings and the step the runs stand at. */
  const shownState = () => ({ ...settings, step: playback.step });

  /** New settings: fresh runs, `step` steps along, on their surface (loaded first if need be). */
  function setSettings(next, step = 0) {
    const mine = ++pending;
    const ready = surfaces.get(next);
    if (!ready.then) apply(next, step, ready);
    else ready.then((r) => mine === pending && !abort.signal.aborted && apply(next, step, r));
  }

  /** Show `next` on its surface, or its error in place: the last valid surface stays, no run. */
  function apply(next, step, ready, { write = true } = {}) {
    settings = next;
    if (!ready.error && ready.surface !== shown?.surface) showSurface(ready);
    const problem = surfaces.show(next, ready); // "Your function"'s fields and messages
    playback = new Playback(settings, step, problem ? null : ready.surface, problem);
    showSettings(ui, settings);
    show({ write: write && !ready.error });
    if (debug.firstFrame !== null) describe();
  }

  // How the runs end, in words (summary-view.js): after the first frame, then on every change.
  const describe = () => readout.describe(settings, playback.surface, playback.problem);

  /** Draw `next` ({surface, sample}) in the view and the inset (show() resends the paths). */
  function showSurface(next = shown) {
    if (!next) return;
    shown = next;
    [debug.surfaces, debug.surfaceAt] = [debug.surfaces + 1, performance.now()];
    view?.setSurface(shown.surface, shown.sample, palette);
    inset.setSurface(shown.surface, shown.sample, palette);
  }

  /** Show the runs and their play state, name them in the address bar, and draw. */
  function show({ write = true } = {}) {
    view?.setRuns(playback.runs);
    readout.update(playback.runs, playback.problem, playback.playing);
    showPlaying(ui, playback.playing, playback.finished, playback.runs.length > 0);
    if (write) url.write(shownState());
    frames.request();
  }

  function animate() {
    if (playback.playing) {
      playback.tick(settings.speed);
      view?.setRuns(playback.runs);
      readout.update(playback.runs, null, playback.playing);
      if (playback.playing) url.follow(shownState());
      else show(); // the runs ended: the button says Replay, the address names the last step
    }
    if (!view) frames.countFrame();
    else if (frames.beginDraw()) view.render();
    inset.draw(playback.runs, palette, view ? view.viewAzimuth() : Math.PI / 2);
    if (playback.playing) frames.request();
  }

  function onWindowResize() {
    const { clientWidth: width, clientHeight: height } = ui.canvas;
    const size = `${width}x${height}x${ui.inset.clientWidth}x${window.devicePixelRatio}`;
    if (size === drawnSize) return; // the observer's first call, or a change that moved nothing
    drawnSize = size;
    if (width && height) view?.resize(width, height);
    if (playback && shown) inset.setSurface(shown.surface, shown.sample, palette);
    frames.request();
  }

  function onFailed() {
    view?.dispose();
    view = null;
    frames.drawn({ failed: true });
    showFallback(root, ui.stage);
  }

  /** Recolour the view and the inset; the runs and their play state stay as they are. */
  function onPaletteChange(next, scheme) {
    palette = next;
    debug.scheme = scheme;
    showSurface(); // none yet while init builds: it reads `palette` as it goes
    if (playback) show({ write: false });
  }

  /** The address names a run (the reader edited it, or followed a link on this page to one). */
  function onNavigate({ state, messages }, { fromLink = false } = {}) {
    readerActed = true;
    showNotice(ui, messages);
    const { step = 0, ...next } = state;
    setSettings(next, step);
    if (fromLink) ui.stage.scrollIntoView({ block: "nearest" });
  }

  const actions = createActions(ui, {
    settings: () => settings,
    playback: () => playback,
    setSettings,
    setSpeed(speed) {
      settings = { ...settings, speed };
      url.write(shownState());
    },
    played: show,
    acted: () => (readerActed = true),
    shareUrl: () => url.shareUrl(shownState()),
  });

  init();
  registry.expose(debug, () => ({ playback, settings, view, state: playback && shownState() }));

  return {
    dispose() {
      frames.stop();
      abort.abort();
      view?.dispose();
      registry.remove(debug);
    },
  };
}
