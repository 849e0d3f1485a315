// The fields of "Your function": the text of f(x, y), its domain, a message in place for what is
// wrong, and a note on the curvature at the start. Built inside the explorer's form when the
// reader first chooses it (this module loads with the parser chunk), as labelled fields that Tab
// reaches. Typing is checked after a short pause (debounced) and applied as soon as it is valid.
import { DEFAULTS } from "./state.js";

const html = String.raw;
const TYPING_PAUSE_MS = 250;

function domainField(id, label) {
  return html`<div class="gdx__field"><label for="${id}">${label}</label><input type="text" inputmode="decimal" id="${id}" size="5" autocomplete="off"></div>`;
}

const TEMPLATE = html`
  <div class="gdx__field">
    <label for="gdx-expr">f(x, y) =</label>
    <input type="text" id="gdx-expr" name="expr" autocomplete="off" autocapitalize="off" spellcheck="false"
      aria-describedby="gdx-expr-error gdx-expr-note" placeholder="${DEFAULTS.expr}">
  </div>
  <p class="gdx__error" id="gdx-expr-error" aria-live="polite" hidden></p>
  <fieldset class="gdx__domain"><legend>Domain</legend>
    <div class="gdx__pair">${domainField("gdx-x0", "x from")}${domainField("gdx-x1", "x to")}</div>
    <div class="gdx__pair">${domainField("gdx-y0", "y from")}${domainField("gdx-y1", "y to")}</div>
  </fieldset>
  <p class="gdx__note" id="gdx-expr-note"></p>`;

/**
 * Build the fields in `container`. `onText(text)` is called when the typed text pauses or is
 * committed, `onDomain([x0, x1, y0, y1])` when a domain field is committed; `on` adds listeners
 * removed when the explorer is disposed. Returns show(settings), error(text) and note(text).
 */
export function createPanel(container, { on, onText, onDomain }) {
  container.innerHTML = TEMPLATE;
  const q = (selector) => container.querySelector(selector);
  const text = q("#gdx-expr");
  const message = q("#gdx-expr-error");
  const note = q("#gdx-expr-note");
  const domain = ["#gdx-x0", "#gdx-x1", "#gdx-y0", "#gdx-y1"].map(q);
  let timer = 0;
  let sent = null;

  const send = () => {
    clearTimeout(timer);
    if (text.value !== sent) onText((sent = text.value));
  };
  on(text, "input", () => {
    clearTimeout(timer);
    timer = setTimeout(send, TYPING_PAUSE_MS);
  });
  on(text, "change", send);
  for (const field of domain) on(field, "change", () => onDomain(domain.map((f) => f.value)));

  return {
    /** Show the settings' text and domain (the text only when the reader is not typing it). */
    show({ expr, bounds }) {
      if (document.activeElement !== text) text.value = expr;
      sent = expr;
      bounds.flat().forEach((v, i) => (domain[i].value = String(v)));
    },
    error(problem) {
      message.textContent = problem ?? "";
      message.hidden = !problem;
      text.setAttribute("aria-invalid", String(Boolean(problem)));
    },
    note: (words) => (note.textContent = words),
  };
}
