// A small registry on window.__gdExplorer that tests and benchmarks read: explorers mounted now,
// animation frames pending across every explorer this document ever had (a disposed one must
// have none), frames drawn, when the first and the last one were, surfaces sent to draw, how
// its view was started (viewStart) and whether its frames are multisampled (antialias).
const global = (window.__gdExplorer ??= { mounted: 0, created: 0, disposed: 0, records: [] });

Object.defineProperty(global, "loops", {
  configurable: true,
  get: () => global.records.reduce((sum, r) => sum + r.loops, 0),
});

export const registry = {
  /** Register a new explorer; its record counts its own frames and pending loops, and keeps
   * where its view draws, on what renderer and with what options (`early`, view-start.js). */
  add(early) {
    const viewStart = early && { where: early.where, renderer: early.renderer, ...early.options };
    const record = { id: ++global.created, viewStart, antialias: null, live: true, ready: false, loops: 0, frames: 0, firstFrame: null, lastFrame: null, surfaces: 0, surfaceAt: null, instance: null };
    global.records.push(record);
    global.mounted += 1;
    global.current = record;
    return record;
  },
  /** What tests read of an explorer: its runs, state and camera, from `live()`'s current values. */
  expose(record, live) {
    record.instance = {
      runs: () => live().playback?.runs.map(({ name, descent: d }) => ({ name, done: d.done, status: d.status, iterations: d.iterations })) ?? [],
      state: () => live().state ?? { ...live().settings },
      camera: () => live().view && [...live().view.controls.position],
      target: () => live().view && [...live().view.controls.target],
    };
  },
  remove(record) {
    record.live = false;
    record.instance = null;
    global.mounted -= 1;
    global.disposed += 1;
  },
};
