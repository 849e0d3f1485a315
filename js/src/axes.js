// Axes of the 3D view: three lines along the box's edges and sprite labels (x, y, f and the
// bounds), drawn in the palette's text and axis colours. x runs along the front edge and y along
// the right one, the two nearest the default camera, so the bowl hides neither. Labels keep one
// size in CSS pixels on any canvas and at any distance (a phone's world-sized ones were 3 px
// tall). In the default view each of x's and y's hangs off its point away from its axis (f(x, y)
// is centred on its own), so the near corner's two ("3" of x, "-3" of y) sit either side of it;
// the hang is fixed on screen, so orbited round they may hang over the box.
import { BufferAttribute, BufferGeometry, CanvasTexture, LineBasicMaterial, LineSegments, SRGBColorSpace, Sprite, SpriteMaterial } from "three";

const NAME_PX = 16; // sprite heights in CSS pixels: the text is 0.8 of its sprite
const BOUND_PX = 14;
// Where a sprite's point is on it: x's labels hang below left of theirs, y's below right.
const BELOW_LEFT = [1, 1];
const BELOW_RIGHT = [0, 1];

function label(text, color, position, px, center = [0.5, 0.5]) {
  const canvas = new OffscreenCanvas(1, 1); // also in a worker, where there is no document
  const ctx = canvas.getContext("2d");
  const font = "48px system-ui, sans-serif";
  ctx.font = font;
  canvas.width = Math.ceil(ctx.measureText(text).width) + 8;
  canvas.height = 60;
  ctx.font = font;
  ctx.fillStyle = color;
  ctx.textBaseline = "middle";
  ctx.fillText(text, 4, 32);
  const map = new CanvasTexture(canvas);
  // The canvas holds sRGB colours: unmarked, three.js took them as linear and drew the text pale.
  map.colorSpace = SRGBColorSpace;
  const material = new SpriteMaterial({ map, depthWrite: false, sizeAttenuation: false });
  const sprite = new Sprite(material);
  sprite.center.set(...center);
  sprite.userData = { px, aspect: canvas.width / canvas.height };
  sprite.position.set(...position);
  return sprite;
}

/**
 * Scale the label sprites in `group` to their heights in CSS pixels, on a canvas `height` CSS
 * pixels tall under a vertical field of view of `fov` degrees. Without size attenuation a
 * sprite of scale s spans s / tan(fov / 2) of the view's half-height, whatever its distance.
 */
export function sizeLabels(group, height, fov) {
  const unit = (2 * Math.tan((fov * Math.PI) / 360)) / height;
  for (const sprite of group.children) {
    const { px, aspect } = sprite.userData;
    sprite.scale.set(px * unit * aspect, px * unit, 1);
  }
}

/**
 * The axes of `surface` under world map `map`, as one LineSegments, and `labels()`, which adds
 * their labels to it: scene.js calls it after a surface's first frame, since the sprites' shader
 * and textures would make that frame slower (measured: about a third of it in SwiftShader).
 */
export function axes(surface, map, palette, top) {
  const [ax0, ax1, ay0, ay1] = map.corners;
  const [[x0, x1], [y0, y1]] = surface.bounds;
  const lines = [ax0, ay0, 0, ax1, ay0, 0, ax1, ay0, 0, ax1, ay1, 0, ax0, ay0, 0, ax0, ay0, top];
  const geometry = new BufferGeometry();
  geometry.setAttribute("position", new BufferAttribute(new Float32Array(lines), 3));
  const group = new LineSegments(geometry, new LineBasicMaterial({ color: palette.axis }));
  const pad = 0.04;
  const labels = () => group.add(
    label("x", palette.text, [(ax0 + ax1) / 2, ay0 - pad, 0], NAME_PX, BELOW_LEFT),
    // A fifth of the way along, not at the middle: on a wide screen the inset covers the rest.
    label("y", palette.text, [ax1 + pad, ay0 + (ay1 - ay0) / 5, 0], NAME_PX, BELOW_RIGHT),
    label("f(x, y)", palette.text, [ax0 - 0.1, ay0 - 0.1, top + 0.05], NAME_PX),
    label(String(x0), palette.axis, [ax0, ay0 - pad, 0], BOUND_PX, BELOW_LEFT),
    label(String(x1), palette.axis, [ax1, ay0 - pad, 0], BOUND_PX, BELOW_LEFT),
    label(String(y0), palette.axis, [ax1 + pad, ay0, 0], BOUND_PX, BELOW_RIGHT),
    label(String(y1), palette.axis, [ax1 + pad, ay1, 0], BOUND_PX, BELOW_RIGHT),
  );
  return { lines: group, labels };
}
