// gdlib.schedules in JS: each learning-rate schedule's rate in epoch e (from 0), the same float
// operations in the same order as gdlib's (tests/test_widget_agreement.py holds them to 1e-9).
// The names, labels and the schedules page's presets come from gdlib through the JSON module the
// build writes (hooks/_js_data.py), never typed here. Pure: no DOM, tested by node --test.
import DATA from "../generated/schedules.json" with { type: "json" };

export const SCHEDULES = Object.freeze([...DATA.names]);
export const SCHEDULE_LABELS = Object.freeze({ ...DATA.labels });
export const PRESETS = DATA.presets;

const RULES = {
  constant: (lr) => () => lr,
  // Refused, as gdlib's step_lr refuses it, outside (0, 1]: a "cut" must leave a rate, not raise it.
  step: (lr, _epochs, { step_size: s, gamma }) => {
    if (!(gamma > 0 && gamma <= 1)) throw new RangeError(`Invalid gamma value: ${gamma} (a cut must be in (0, 1])`);
    return (e) => lr * gamma ** Math.floor(e / s);
  },
  inverse_time: (lr, _epochs, { lr_decay: delta }) => (e) => lr / (1 + delta * e),
  // cosine_annealing_lr with T_max = the run's epochs and eta_min = 0, as gdlib's get_schedule.
  cosine: (lr, epochs) => (e) => 0.0 + (lr - 0.0) * (1 + Math.cos((Math.PI * e) / epochs)) / 2,
  // Refused, as gdlib's warmup_cosine_lr refuses it, outside [1, epochs]: the rates would never
  // reach the peak.
  warmup_cosine: (lr, epochs, { warmup_epochs: w }) => {
    if (!(Number.isInteger(w) && w >= 1 && w <= epochs)) throw new RangeError(`warmup_epochs must be in [1, ${epochs}], got ${w}`);
    return (e) => {
      const warm = Math.min((e + 1) / w, 1.0);
      const after = Math.max(e - w + 1, 0) / (epochs - w + 1);
      return warm < 1 ? lr * warm : (lr * (1 + Math.cos(Math.PI * after))) / 2;
    };
  },
};

/**
 * gdlib.schedules.rates(get_schedule(name, lr, epochs, **hyper), epochs): the rate of each epoch
 * 0..epochs-1, with the schedule's preset (`PRESETS[name]`) under `hyper`.
 */
export function scheduleRates(name, lr, epochs, hyper = {}) {
  if (!SCHEDULES.includes(name)) throw new RangeError(`Unknown schedule "${name}"; known: ${SCHEDULES.join(", ")}`);
  if (!(typeof lr === "number" && Number.isFinite(lr) && lr > 0)) throw new RangeError(`Invalid learning rate: ${lr}`);
  if (!(Number.isInteger(epochs) && epochs >= 1)) throw new RangeError(`epochs must be an integer >= 1, got ${epochs}`);
  const rate = RULES[name](lr, epochs, { ...PRESETS[name], ...hyper });
  return Array.from({ length: epochs }, (_, e) => rate(e));
}
