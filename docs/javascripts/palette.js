// The header's light/dark switch, started here rather than by the theme (hooks/_palette_switch.py says
// why: the theme's component restyled every element of the page as it started).
// It does what the component did: the palette chosen (the reader's saved one, else the first
// whose media query matches) is applied to <body> and saved, the button for the other one is
// shown, and a click on it (or Enter on the focused option) switches. At start-up it changes
// only what differs: <body> already has the saved palette (the theme's inline script) and the
// color-scheme meta its scheme (overrides/partials/palette-start.html).
(() => {
  const form = document.querySelector("[data-gd-palette]");
  if (!form) return;
  const inputs = [...form.querySelectorAll("input.md-option")];
  const header = document.querySelector("[data-md-component=header]");
  const KEYS = ["media", "scheme", "primary", "accent"];
  let current = -1;

  const colorOf = (input) => Object.fromEntries(KEYS.map((key) => [key, input.getAttribute(`data-md-color-${key}`)]));

  function meta(name) {
    let found = document.head.querySelector(`meta[name="${name}"]`);
    if (!found) {
      found = Object.assign(document.createElement("meta"), { name });
      document.head.append(found);
    }
    return found;
  }

  // The header's colour as "#rrggbb" for the browser's own bar, as the theme wrote it.
  function headerColor(style) {
    return "#" + style.backgroundColor.match(/\d+/g).map((value) => (+value).toString(16).padStart(2, "0")).join("");
  }

  function apply(index) {
    current = index;
    const color = colorOf(inputs[index]);
    const body = document.body;
    for (const key of KEYS) {
      if (body.getAttribute(`data-md-color-${key}`) !== color[key]) body.setAttribute(`data-md-color-${key}`, color[key]);
    }
    inputs.forEach((input, i) => {
      const label = input.nextElementSibling;
      if (label instanceof HTMLElement && label.hidden !== (i !== index)) label.hidden = i !== index;
    });
    __md_set("__palette", { index, color });
    const style = getComputedStyle(header);
    // A new color scheme restyles every element: set only when it changes (a switch, not a load).
    if (meta("color-scheme").content !== style.colorScheme) meta("color-scheme").content = style.colorScheme;
    meta("theme-color").content = headerColor(style);
  }

  const saved = __md_get("__palette");
  const first = saved ? saved.index : inputs.findIndex((input) => matchMedia(input.getAttribute("data-md-color-media")).matches);
  apply(Math.max(0, Math.min(first, inputs.length - 1)));

  inputs.forEach((input, index) => input.addEventListener("change", () => apply(index)));
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
