// What the explorer's controls may do: bindings.js calls these with the reader's raw input; each
// checks it (state.js), says what it refused or clamped, and hands explorer.js new settings or a
// new play state. Until the first runs exist (a few tasks into init) they do nothing.
import { normalize } from "./state.js";
import { showNotice } from "./ui.js";

/**
 * The actions of one explorer. `explorer` gives: settings(), playback() (null before the first
 * runs), setSettings(next), setSpeed(speed), played() (show the new play state and write the
 * address), acted() (the reader took over: no autoplay) and shareUrl().
 */
export function createActions(ui, explorer) {
  function change(update) {
    explorer.acted();
    const input = update.optimizers ? { ...update, optimizers: update.optimizers.join(",") } : update;
    const { state: next, messages } = normalize(input, explorer.settings());
    showNotice(ui, messages);
    explorer.setSettings(next);
  }

  const actions = {
    togglePlay() {
      explorer.acted();
      explorer.playback().toggle();
      explorer.played();
    },
    step() {
      explorer.acted();
      explorer.playback().stepOnce();
      explorer.played();
    },
    reset() {
      explorer.acted();
      explorer.setSettings(explorer.settings());
    },
    change,
    setStart(point) {
      if (!point) return;
      const round = (v) => String(Number(v.toFixed(2)));
      change({ x: round(point[0]), y: round(point[1]) });
    },
    copyLink() {
      const link = explorer.shareUrl();
      const done = () => showNotice(ui, ["Link to this run copied."]);
      const manual = () => showNotice(ui, [`Copy this link to share the run: ${link}`]);
      if (navigator.clipboard) navigator.clipboard.writeText(link).then(done, manual);
      else manual();
    },
    setSpeed(text) {
      const { state: next, messages } = normalize({ speed: text }, explorer.settings());
      showNotice(ui, messages);
      explorer.setSpeed(next.speed);
    },
  };
  const whenReady = ([name, fn]) => [name, (...args) => (explorer.playback() ? fn(...args) : undefined)];
  return Object.fromEntries(Object.entries(actions).map(whenReady));
}
