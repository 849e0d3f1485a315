// The runs on screen and whether they play: one Descent per ticked optimizer, all started from the
// same point and advanced together. The step shown (and shared in the URL) is read from the runs,
// never stored beside them. Pure: no DOM, no three.js, tested by node --test.
import { Descent, SURFACES } from "./descent.js";

/**
 * A run per optimizer of `settings` on `surface` (a built-in one by default), each taken `step`
 * steps along (or to where it stopped); none when `surface` is null.
 */
export function createRuns(settings, step = 0, surface = SURFACES[settings.surface]) {
  if (!surface) return [];
  const { x, y, lr, maxIter } = settings;
  return settings.optimizers.map((name) => {
    const descent = new Descent(surface, [x, y], { optimizer: name, lr, maxIter });
    descent.run(step);
    return { name, descent };
  });
}

export class Playback {
  /** `problem`: why there are no runs (`surface` null), said in the readout. */
  constructor(settings, step = 0, surface = SURFACES[settings.surface], problem = null) {
    this.settings = settings;
    this.surface = surface;
    this.problem = problem;
    this.runs = createRuns(settings, step, surface);
    this.playing = false;
  }

  /** The iteration the race stands at: the runs still going are all there; stopped ones less. */
  get step() {
    return Math.max(0, ...this.runs.map((r) => r.descent.iterations));
  }

  get finished() {
    return this.runs.every((r) => r.descent.done);
  }

  /** Play from here; a finished race starts again from its first step. */
  play() {
    if (this.finished) this.runs = createRuns(this.settings, 0, this.surface);
    this.playing = this.runs.length > 0;
  }

  pause() {
    this.playing = false;
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** One frame of play: every run takes up to `steps` steps; play stops once all have stopped. */
  tick(steps) {
    if (!this.playing) return;
    for (const { descent } of this.runs) descent.run(steps);
    if (this.finished) this.playing = false;
  }

  /** One step of every run, paused. */
  stepOnce() {
    this.playing = false;
    for (const { descent } of this.runs) descent.advance();
  }
}
