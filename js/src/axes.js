// Axes of the 3D view: three lines along the box's edges and sprite labels (x, y, f and the
// bounds), drawn in the palette's text and axis colours. x runs along the front edge and y along
// the right one, the two nearest the default camera, so the bowl hides neither. Each bound sits
// just outside its own axis, so the near corner's two ("3" of x, "-3" of y) stand apart.
import { BufferAttribute, BufferGeometry, CanvasTexture, LineBasicMaterial, LineSegments, Sprite, SpriteMaterial } from "three";

function label(text, color, position, size = 0.09) {
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
  const sprite = new Sprite(new SpriteMaterial({ map: new CanvasTexture(canvas), depthWrite: false }));
  sprite.scale.set((size * canvas.width) / canvas.height, size, 1);
  sprite.position.set(...position);
  return sprite;
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
  const pad = 0.1;
  const labels = () => group.add(
    label("x", palette.text, [(ax0 + ax1) / 2, ay0 - 2 * pad, 0]),
    // A fifth of the way along, not at the middle: on a wide screen the inset covers the rest.
    label("y", palette.text, [ax1 + 2 * pad, ay0 + (ay1 - ay0) / 5, 0]),
    label("f(x, y)", palette.text, [ax0 - pad, ay0 - pad, top + 0.05]),
    label(String(x0), palette.axis, [ax0, ay0 - pad, 0], 0.07),
    label(String(x1), palette.axis, [ax1, ay0 - pad, 0], 0.07),
    label(String(y0), palette.axis, [ax1 + pad, ay0, 0], 0.07),
    label(String(y1), palette.axis, [ax1 + pad, ay1, 0], 0.07),
  );
  return { lines: group, labels };
}
