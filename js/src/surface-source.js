// Where the explorer's surfaces come from: a built-in one at once, "Your function" from its
// chunk (custom.js, with the parser and mathjs), imported the first time the reader chooses it
// or a link names it, so the explorer's first load never carries the parser.
import { MAX_VALUE, SURFACES } from "./descent.js";
import { contourLevels, contourLines, sampleHeights, sampleSurface } from "./contours.js";
import { CUSTOM } from "./custom-state.js";
import { normalize } from "./state.js";

// What custom.js uses of the explorer's modules, handed over rather than imported (see there).
const helpers = { sampleSurface, normalize, maxValue: MAX_VALUE };
// custom.js is bundled apart, under a name hooks/assets.py defines (its content hash).
/* global __GD_CUSTOM_CHUNK__ */
const CHUNK = typeof __GD_CUSTOM_CHUNK__ === "string" ? __GD_CUSTOM_CHUNK__ : "./custom.js";
const CONTOUR_LEVELS_A_TASK = 4;

/**
 * Surfaces sampled on a `grid` x `grid` grid. Once custom.js has loaded, its panel is built in
 * `panel.container` (custom.js's attach() takes the rest of `panel`: on, settings, change).
 */
export function createSurfaces(grid, panel) {
  let chunk = null;
  let loading = null;
  let fields = null; // the panel of "Your function"
  let last = null; // the last built-in: {name, surface, sample}
  const onLoad = (module) => {
    chunk = module;
    fields = chunk.attach(panel.container, { ...panel, grid, helpers });
  };

  return {
    /** Show or hide "Your function"'s fields for `settings`; why no run can start, or null. */
    show(settings, ready) {
      const isCustom = settings.surface === CUSTOM;
      panel.container.hidden = !isCustom || !fields;
      return isCustom ? (fields?.show(settings, ready) ?? ready.error) : null;
    },
    keep(name, sample) {
      last = { name, surface: SURFACES[name], sample };
    },
    /**
     * The first surface: a built-in one is sampled in one task and contoured in a few more,
     * CONTOUR_LEVELS_A_TASK levels each, so none blocks input long on a slow phone.
     */
    async first(settings, nextTask) {
      if (settings.surface !== CUSTOM) {
        const sample = sampleHeights(SURFACES[settings.surface], grid);
        const levels = contourLevels();
        sample.contours = [];
        for (let k = 0; k < levels.length; k += CONTOUR_LEVELS_A_TASK) {
          if (!(await nextTask())) return null;
          sample.contours.push(...contourLines(sample, levels.slice(k, k + CONTOUR_LEVELS_A_TASK)));
        }
        this.keep(settings.surface, sample);
      }
      return this.get(settings);
    },
    /** {surface, sample[, gaps]} or {error} for `settings`, or a promise of one while loading. */
    get(settings) {
      if (settings.surface !== CUSTOM) {
        if (last?.name !== settings.surface) this.keep(settings.surface, sampleSurface(SURFACES[settings.surface], grid));
        return last;
      }
      if (chunk) return chunk.prepare(settings, grid, helpers);
      loading ??= import(new URL(CHUNK, import.meta.url).href).then(onLoad);
      return loading.then(
        () => chunk.prepare(settings, grid, helpers),
        (error) => ({ error: `The parser could not load (${error.message}); reload the page to try again.` }),
      );
    },
  };
}
