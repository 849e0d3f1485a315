// The 2-D contour inset: the surface seen from above with the same paths as the 3D view, the
// known minima, and a wedge showing where the camera looks from. Plain canvas 2D, no three.js.

export function createInset(canvas) {
  const ctx = canvas.getContext("2d");
  let surface = null;
  let background = null; // the contours, drawn once per surface, size and palette
  let size = [0, 0];
  let ratio = 1;

  const toCanvas = (x, y) => {
    const [[x0, x1], [y0, y1]] = surface.bounds;
    const [w, h] = size;
    return [((x - x0) / (x1 - x0)) * w, h - ((y - y0) / (y1 - y0)) * h];
  };

  function drawBackground(sample, palette) {
    background = document.createElement("canvas");
    [background.width, background.height] = [size[0] * ratio, size[1] * ratio];
    const g = background.getContext("2d");
    g.scale(ratio, ratio);
    g.fillStyle = palette.background;
    g.fillRect(0, 0, ...size);
    g.lineWidth = 1;
    for (const { level, segments } of sample.contours) {
      g.strokeStyle = palette.ramp[level < 0.5 ? 1 : 2];
      g.globalAlpha = 0.5 + 0.5 * (1 - level);
      g.beginPath();
      for (let k = 0; k < segments.length; k += 4) {
        g.moveTo(...toCanvas(segments[k], segments[k + 1]));
        g.lineTo(...toCanvas(segments[k + 2], segments[k + 3]));
      }
      g.stroke();
    }
    drawGaps(g, sample, palette);
    g.globalAlpha = 1;
    g.strokeStyle = palette.text;
    for (const [x, y] of surface.minima ?? []) {
      const [cx, cy] = toCanvas(x, y);
      g.beginPath();
      g.moveTo(cx - 4, cy - 4);
      g.lineTo(cx + 4, cy + 4);
      g.moveTo(cx + 4, cy - 4);
      g.lineTo(cx - 4, cy + 4);
      g.stroke();
    }
  }

  /** Shade the cells where f is not finite ("Your function" off its domain): a gap. */
  function drawGaps(g, { n, xs, ys, values }, palette) {
    const [w, h] = [size[0] / (n - 1), size[1] / (n - 1)];
    g.fillStyle = palette.axis;
    g.globalAlpha = 0.35;
    for (let k = 0; k < values.length; k += 1) {
      if (Number.isFinite(values[k])) continue;
      const [cx, cy] = toCanvas(xs[k % n], ys[Math.floor(k / n)]);
      g.fillRect(cx - w / 2, cy - h / 2, w, h);
    }
  }

  /** New surface, palette or size: redraw the contours. */
  function setSurface(nextSurface, sample, palette) {
    surface = nextSurface;
    const [[x0, x1], [y0, y1]] = surface.bounds;
    const width = canvas.clientWidth || 180;
    size = [width, Math.round((width * (y1 - y0)) / (x1 - x0))];
    ratio = Math.min(window.devicePixelRatio || 1, 2);
    canvas.style.height = `${size[1]}px`;
    [canvas.width, canvas.height] = [size[0] * ratio, size[1] * ratio];
    drawBackground(sample, palette);
  }

  function drawPath(descent, color) {
    const [[x0, x1], [y0, y1]] = surface.bounds;
    const clampPoint = ([x, y]) => toCanvas(Math.min(x1, Math.max(x0, x)), Math.min(y1, Math.max(y0, y)));
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    // At most ~2000 vertices a path, so a long run costs the same per frame as a short one.
    const { positions } = descent;
    const stride = Math.ceil(positions.length / 2000);
    ctx.moveTo(...clampPoint(positions[0]));
    for (let k = stride; k < positions.length; k += stride) ctx.lineTo(...clampPoint(positions[k]));
    ctx.lineTo(...clampPoint(descent.point));
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(...clampPoint(descent.point), 4.5, 0, 2 * Math.PI);
    ctx.fill();
  }

  /** Draw the paths and the camera's direction (azimuth in radians, math convention). */
  function draw(runs, palette, azimuth) {
    if (!surface) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(background, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    for (const { name, descent } of runs) drawPath(descent, palette.optimizer[name]);
    const [cx, cy] = [size[0] - 16, 16];
    ctx.fillStyle = palette.text;
    ctx.beginPath();
    ctx.moveTo(cx, cy);
    ctx.arc(cx, cy, 12, -azimuth - 0.35, -azimuth + 0.35);
    ctx.closePath();
    ctx.fill();
  }

  /** Surface coordinates of a click at (clientX, clientY). */
  function pick(clientX, clientY) {
    const rect = canvas.getBoundingClientRect();
    const [[x0, x1], [y0, y1]] = surface.bounds;
    const u = (clientX - rect.left) / rect.width;
    const v = (clientY - rect.top) / rect.height;
    return [x0 + u * (x1 - x0), y1 - v * (y1 - y0)];
  }

  return { setSurface, draw, pick };
}
